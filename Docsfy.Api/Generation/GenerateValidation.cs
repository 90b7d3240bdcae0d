using Docsfy.Api.Auth;
using Docsfy.Api.Models;
using Docsfy.Api.Projects;
using Docsfy.Contracts;
using Docsfy.Contracts.Repositories;

namespace Docsfy.Api.Generation;

/// <summary>Turns a run request into a run to start, or the refusal that says what is wrong with it.</summary>
public static class GenerateValidation
{
    public const int MaxAiCliTimeoutMinutes = 24 * 60;

    public static IReadOnlyList<string> RepoTypes { get; } = ["app", "tests", "library", "framework"];

    /// <param name="caller">Who asks: their role decides whether a local path may be used.</param>
    /// <param name="owner">Whose variant the run is: the caller's own, or the variant's owner when it is regenerated.</param>
    public static async Task<LifecycleOutcome<ValidRun>> ValidateAsync(GenerateRequest request, Caller caller, string owner,
        AiDefaults defaults, GenerationOptions options, CancellationToken cancellationToken)
    {
        if ((request.RepoUrl is null) == (request.RepoPath is null))
        {
            return RunRefusal.Invalid("Give exactly one of repo_url and repo_path.");
        }
        if (!ProjectNames.IsValidBranch(request.Branch))
        {
            return RunRefusal.InvalidField("branch", "branch must start with a letter or digit and contain only letters, digits, '.', '_' and '-'.");
        }
        var provider = request.AiProvider ?? defaults.Provider;
        if (!AiDefaults.Providers.Contains(provider))
        {
            return RunRefusal.InvalidField("ai_provider", $"ai_provider must be one of: {string.Join(", ", AiDefaults.Providers)}.");
        }
        if (defaults.UnavailableReason(provider) is { } unavailable)
        {
            // Refused now rather than failing on a worker after the clone.
            var which = request.AiProvider is null ? $"The default AI provider '{provider}'" : $"AI provider '{provider}'";
            var choices = string.Join(", ", AiDefaults.Providers.Where(defaults.IsAvailable));
            return RunRefusal.InvalidField("ai_provider", $"{which} is not available on this server. {unavailable} "
                + $"Choose an available provider instead: {choices}.");
        }
        var model = request.AiModel ?? defaults.DefaultModelOf(provider);
        if (model is null)
        {
            return RunRefusal.InvalidField("ai_model", $"Name ai_model for provider '{provider}': it has no default model.");
        }
        if (!ModelNames.IsValid(model))
        {
            return RunRefusal.InvalidField("ai_model", "ai_model must start with a letter or digit and contain only letters, digits, '.', '_', ':' and '-'.");
        }
        if (provider == AiProviderInfo.Offline && model != AiProviderInfo.OfflineModel)
        {
            return RunRefusal.InvalidField("ai_model",
                $"Provider '{AiProviderInfo.Offline}' has one model, '{AiProviderInfo.OfflineModel}': it writes no text with AI.");
        }
        if (request.AiCliTimeout is { } minutes and (< 1 or > MaxAiCliTimeoutMinutes))
        {
            return RunRefusal.InvalidField("ai_cli_timeout", $"ai_cli_timeout is in minutes, from 1 to {MaxAiCliTimeoutMinutes}.");
        }
        if (request.RepoType is { } repoType && !RepoTypes.Contains(repoType))
        {
            return RunRefusal.InvalidField("repo_type", $"repo_type must be one of: {string.Join(", ", RepoTypes)}.");
        }

        var source = await SourceAsync(request.RepoUrl, request.RepoPath, caller, options, cancellationToken);
        if (!source.Succeeded(out var name, out var refusal))
        {
            return refusal;
        }

        var variant = new VariantKey(name, request.Branch, provider, model, owner);
        return new ValidRun(variant, request.RepoUrl, request.RepoPath, request.AiCliTimeout, request.Force, request.RepoType);
    }

    /// <summary>
    /// The project name of a repository URL or (for admins) a local path, or the refusal that says what is wrong with it:
    /// the same rules for a run and for listing a repository's branches.
    /// </summary>
    public static async Task<LifecycleOutcome<string>> SourceAsync(string? repoUrl, string? repoPath,
        Caller caller, GenerationOptions options, CancellationToken cancellationToken)
    {
        string name;
        if (repoPath is { } path)
        {
            if (!caller.IsAdmin)
            {
                return RunRefusal.Forbidden("Only admins may use a local path.");
            }
            if (LocalRepositories.Problem(path) is { } pathProblem)
            {
                return RunRefusal.InvalidField("repo_path", pathProblem);
            }
            name = LocalRepositories.NameOf(path);
        }
        else
        {
            if (!RepositoryAddress.TryParse(repoUrl, options.AllowLoopbackHosts, out var address, out var urlProblem))
            {
                return RunRefusal.InvalidField("repo_url", urlProblem);
            }
            // Resolved now and again by the worker at clone time: a name that resolves to an internal address is refused.
            var host = await HostSafety.CheckResolvedAsync(address.Host, options.AllowLoopbackHosts, cancellationToken);
            if (!host.IsAllowed)
            {
                return RunRefusal.InvalidField("repo_url", host.Problem!);
            }
            name = address.Name;
        }
        return ProjectNames.IsValidName(name)
            ? name
            : RunRefusal.InvalidField(repoPath is null ? "repo_url" : "repo_path", $"The repository name '{name}' is not a valid project name.");
    }
}

public sealed record ValidRun(VariantKey Variant, string? RepoUrl, string? RepoPath, int? AiCliTimeoutMinutes, bool Force,
    string? RepoType)
{
    /// <summary>What the variant row records as its source.</summary>
    public string Source => RepoUrl ?? RepoPath!;
}

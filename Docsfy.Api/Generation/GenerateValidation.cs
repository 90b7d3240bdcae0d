using Docsfy.Api.Auth;
using Docsfy.Api.Http;
using Docsfy.Api.Models;
using Docsfy.Api.Projects;
using Docsfy.Contracts;
using Docsfy.Contracts.Repositories;

namespace Docsfy.Api.Generation;

/// <summary>Turns a <c>POST /api/generate</c> body into a run to start, or the 4xx that says what is wrong.</summary>
public static class GenerateValidation
{
    public const int MaxAiCliTimeoutMinutes = 24 * 60;

    public static IReadOnlyList<string> RepoTypes { get; } = ["app", "tests", "library", "framework"];

    public static async Task<(ValidRun? Run, JsonHttpResult<ApiError>? Error)> ValidateAsync(GenerateRequest request,
        Caller caller, AiDefaults defaults, GenerationOptions options, CancellationToken cancellationToken)
    {
        if ((request.RepoUrl is null) == (request.RepoPath is null))
        {
            return (null, ApiError.BadRequest("Give exactly one of repo_url and repo_path."));
        }
        if (!ProjectNames.IsValidBranch(request.Branch))
        {
            return (null, ApiError.BadField("branch", "branch must start with a letter or digit and contain only letters, digits, '.', '_' and '-'."));
        }
        var provider = request.AiProvider ?? defaults.Provider;
        if (!AiDefaults.Providers.Contains(provider))
        {
            return (null, ApiError.BadField("ai_provider", $"ai_provider must be one of: {string.Join(", ", AiDefaults.Providers)}."));
        }
        if (defaults.UnavailableReason(provider) is { } unavailable)
        {
            // Refused now rather than failing on a worker after the clone.
            var which = request.AiProvider is null ? $"The default AI provider '{provider}'" : $"AI provider '{provider}'";
            var choices = string.Join(", ", AiDefaults.Providers.Where(defaults.IsAvailable));
            return (null, ApiError.BadField("ai_provider", $"{which} is not available on this server. {unavailable} "
                + $"Choose an available provider instead: {choices}."));
        }
        var model = request.AiModel ?? defaults.DefaultModelOf(provider);
        if (model is null)
        {
            return (null, ApiError.BadField("ai_model", $"Name ai_model for provider '{provider}': it has no default model."));
        }
        if (!ModelNames.IsValid(model))
        {
            return (null, ApiError.BadField("ai_model", "ai_model must start with a letter or digit and contain only letters, digits, '.', '_', ':' and '-'."));
        }
        if (provider == AiProviderInfo.Offline && model != AiProviderInfo.OfflineModel)
        {
            return (null, ApiError.BadField("ai_model",
                $"Provider '{AiProviderInfo.Offline}' has one model, '{AiProviderInfo.OfflineModel}': it writes no text with AI."));
        }
        if (request.AiCliTimeout is { } minutes and (< 1 or > MaxAiCliTimeoutMinutes))
        {
            return (null, ApiError.BadField("ai_cli_timeout", $"ai_cli_timeout is in minutes, from 1 to {MaxAiCliTimeoutMinutes}."));
        }
        if (request.RepoType is { } repoType && !RepoTypes.Contains(repoType))
        {
            return (null, ApiError.BadField("repo_type", $"repo_type must be one of: {string.Join(", ", RepoTypes)}."));
        }

        var (name, sourceError) = await SourceAsync(request.RepoUrl, request.RepoPath, caller, options, cancellationToken);
        if (name is null)
        {
            return (null, sourceError);
        }

        var variant = new VariantKey(name, request.Branch, provider, model, caller.Username);
        return (new ValidRun(variant, request.RepoUrl, request.RepoPath, request.AiCliTimeout, request.Force, request.RepoType), null);
    }

    /// <summary>
    /// The project name of a repository URL or (for admins) a local path, or the 4xx that says what is wrong with it:
    /// the same rules for a run and for listing a repository's branches.
    /// </summary>
    public static async Task<(string? Name, JsonHttpResult<ApiError>? Error)> SourceAsync(string? repoUrl, string? repoPath,
        Caller caller, GenerationOptions options, CancellationToken cancellationToken)
    {
        string name;
        if (repoPath is { } path)
        {
            if (!caller.IsAdmin)
            {
                return (null, ApiError.Status(StatusCodes.Status403Forbidden, "Only admins may use a local path."));
            }
            if (LocalRepositories.Problem(path) is { } pathProblem)
            {
                return (null, ApiError.BadField("repo_path", pathProblem));
            }
            name = LocalRepositories.NameOf(path);
        }
        else
        {
            if (!RepositoryAddress.TryParse(repoUrl, options.AllowLoopbackHosts, out var address, out var urlProblem))
            {
                return (null, ApiError.BadField("repo_url", urlProblem));
            }
            // Resolved now and again by the worker at clone time: a name that resolves to an internal address is refused.
            var host = await HostSafety.CheckResolvedAsync(address.Host, options.AllowLoopbackHosts, cancellationToken);
            if (!host.IsAllowed)
            {
                return (null, ApiError.BadField("repo_url", host.Problem!));
            }
            name = address.Name;
        }
        return ProjectNames.IsValidName(name)
            ? (name, null)
            : (null, ApiError.BadField(repoPath is null ? "repo_url" : "repo_path", $"The repository name '{name}' is not a valid project name."));
    }
}

public sealed record ValidRun(VariantKey Variant, string? RepoUrl, string? RepoPath, int? AiCliTimeoutMinutes, bool Force,
    string? RepoType)
{
    /// <summary>What the variant row records as its source.</summary>
    public string Source => RepoUrl ?? RepoPath!;
}

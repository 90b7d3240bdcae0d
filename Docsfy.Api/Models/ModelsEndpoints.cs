using Docsfy.Api.Projects;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Docsfy.Api.Models;

public static class ModelsEndpoints
{
    /// <param name="Providers">Every provider name, available ones first.</param>
    /// <param name="ProviderDetails">Per provider: whether this installation can run it, why not, and its default model.</param>
    public sealed record ModelsResponse(
        IReadOnlyList<string> Providers,
        string DefaultProvider,
        string DefaultModel,
        IReadOnlyDictionary<string, IReadOnlyList<string>> KnownModels,
        IReadOnlyDictionary<string, ProviderDetails> ProviderDetails);

    /// <param name="Reason">Null when available; otherwise what it needs and who can set it up.</param>
    /// <param name="DefaultModel">The model a run uses when it names none; null when the run must name one.</param>
    /// <param name="OnlyModel">The one model the provider accepts, when it accepts only one (<c>offline</c>); else null.</param>
    public sealed record ProviderDetails(bool Available, string? Reason, string? DefaultModel, string? OnlyModel);

    public static IHostApplicationBuilder AddAiDefaults(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AiDefaults>().Configure<IConfiguration>((defaults, configuration) =>
        {
            defaults.Provider = configuration["AI_PROVIDER"] is { Length: > 0 } provider ? provider : defaults.Provider;
            // Without AI_MODEL, the default provider's own default model (never another provider's model name).
            defaults.Model = configuration["AI_MODEL"] is { Length: > 0 } model ? model
                : AiProviderInfo.Find(defaults.Provider)?.DefaultModel ?? defaults.Model;
            var available = configuration["AI_AVAILABLE_PROVIDERS"] ?? "";
            defaults.Available.UnionWith(available.Split([',', ' ', ';'],
                StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        })
        .Validate(defaults => AiDefaults.Providers.Contains(defaults.Provider),
            $"AI_PROVIDER must be one of: {string.Join(", ", AiDefaults.Providers)}.")
        .Validate(defaults => defaults.Available.All(AiDefaults.Providers.Contains),
            $"AI_AVAILABLE_PROVIDERS lists providers separated by commas, each one of: {string.Join(", ", AiDefaults.Providers)}.")
        .Validate(defaults => defaults.Provider != AiProviderInfo.Offline || defaults.Model == AiProviderInfo.OfflineModel,
            $"With AI_PROVIDER=offline, AI_MODEL must be {AiProviderInfo.OfflineModel} (or unset).")
        .ValidateOnStart();
        return builder;
    }

    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/models", GetAsync).AllowAnonymous().WithTags("Models")
            .WithSummary("AI providers and models")
            .WithDescription("Public. Every provider (those this server can run first), the defaults, what each provider needs, and the models that have produced a ready variant.");
        return app;
    }

    /// <summary>
    /// Public: provider names (available first), the defaults, what each provider needs, and model names that have
    /// produced a ready variant.
    /// </summary>
    private static async Task<Ok<ModelsResponse>> GetAsync(IOptions<AiDefaults> options, ProjectStore projects,
        CancellationToken cancellationToken)
    {
        var defaults = options.Value;
        var providers = AiDefaults.Providers.OrderBy(provider => defaults.IsAvailable(provider) ? 0 : 1).ToList();
        var details = providers.ToDictionary(provider => provider, provider => new ProviderDetails(
            defaults.IsAvailable(provider), defaults.UnavailableReason(provider), defaults.DefaultModelOf(provider),
            provider == AiProviderInfo.Offline ? AiProviderInfo.OfflineModel : null));
        return TypedResults.Ok(new ModelsResponse(providers, defaults.Provider, defaults.Model,
            await projects.KnownModelsAsync(cancellationToken), details));
    }
}

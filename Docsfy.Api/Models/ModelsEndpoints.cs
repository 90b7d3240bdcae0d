using Docsfy.Api.Projects;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Docsfy.Api.Models;

public static class ModelsEndpoints
{
    public sealed record ModelsResponse(
        IReadOnlyList<string> Providers,
        string DefaultProvider,
        string DefaultModel,
        IReadOnlyDictionary<string, IReadOnlyList<string>> KnownModels);

    public static IHostApplicationBuilder AddAiDefaults(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AiDefaults>().Configure<IConfiguration>((defaults, configuration) =>
        {
            defaults.Provider = configuration["AI_PROVIDER"] is { Length: > 0 } provider ? provider : defaults.Provider;
            defaults.Model = configuration["AI_MODEL"] is { Length: > 0 } model ? model : defaults.Model;
        })
        .Validate(defaults => AiDefaults.Providers.Contains(defaults.Provider),
            $"AI_PROVIDER must be one of: {string.Join(", ", AiDefaults.Providers)}.")
        .ValidateOnStart();
        return builder;
    }

    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/models", GetAsync).AllowAnonymous();
        return app;
    }

    /// <summary>Public: provider names, the defaults, and model names that have produced a ready variant.</summary>
    private static async Task<Ok<ModelsResponse>> GetAsync(IOptions<AiDefaults> defaults, ProjectStore projects,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(new ModelsResponse(AiDefaults.Providers, defaults.Value.Provider, defaults.Value.Model,
            await projects.KnownModelsAsync(cancellationToken)));
}

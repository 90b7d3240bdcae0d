using Docsfy.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Docsfy.Api.Vocabulary;

/// <summary>
/// <c>GET /api/vocabulary</c>: the stage, status and provider names of <see cref="Docsfy.Contracts"/>, with what the
/// dashboard calls them, so no client keeps its own copy of the lists. Public: it says nothing about anyone's data.
/// </summary>
public static class VocabularyEndpoints
{
    private static readonly VocabularyResponse Vocabulary = new(
        [
            new(RunStage.Cloning, "Cloning", Step: 1, PlanKnown: false),
            new(RunStage.Planning, "Planning", Step: 2, PlanKnown: false),
            new(RunStage.IncrementalPlanning, "Planning changes", Step: 2, PlanKnown: false),
            new(RunStage.GeneratingPages, "Writing pages", Step: 3, PlanKnown: true),
            new(RunStage.Validating, "Validating", Step: 4, PlanKnown: true),
            new(RunStage.CrossLinking, "Cross-linking", Step: 5, PlanKnown: true),
            new(RunStage.Rendering, "Rendering", Step: 6, PlanKnown: true),
            new(RunStage.UpToDate, "Up to date", Step: null, PlanKnown: true),
        ],
        VariantStatus.All,
        AiProviderName.All);

    public static IEndpointRouteBuilder MapVocabularyApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/vocabulary", Get).AllowAnonymous().WithTags("Models")
            .WithSummary("Stage, status and provider names")
            .WithDescription("Public. What the dashboard calls each run stage, and every variant status and provider name.");
        return app;
    }

    private static Ok<VocabularyResponse> Get(HttpContext context)
    {
        // The same for every caller and every request until the API is upgraded.
        context.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Ok(Vocabulary);
    }

    /// <summary>Every stage of <see cref="RunStage"/> has a description, checked when the type is first used.</summary>
    static VocabularyEndpoints()
    {
        var described = Vocabulary.Stages.Select(stage => stage.Name).ToHashSet();
        if (RunStage.Pipeline.Append(RunStage.UpToDate).FirstOrDefault(stage => !described.Contains(stage)) is { } missing)
        {
            throw new InvalidOperationException($"Stage '{missing}' has no description in {nameof(VocabularyEndpoints)}.");
        }
    }
}

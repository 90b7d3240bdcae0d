namespace Docsfy.Api.Vocabulary;

/// <param name="Stages">Every stage this API knows, in pipeline order. A run may report one that is not here (a newer
/// worker's): show it by its name.</param>
/// <param name="Statuses">Every variant status.</param>
/// <param name="Providers">Every AI provider the workers implement (<c>GET /api/models</c> says which can run here).</param>
public sealed record VocabularyResponse(
    IReadOnlyList<StageDescription> Stages,
    IReadOnlyList<string> Statuses,
    IReadOnlyList<string> Providers);

/// <param name="Name">The <c>current_stage</c> value.</param>
/// <param name="Label">What the dashboard calls it.</param>
/// <param name="Step">Its place in the run's timeline (1-based); stages sharing a step replace each other (incremental
/// planning is planning). Null for a stage outside the timeline.</param>
/// <param name="PlanKnown">From this stage on, the run's own plan is known and <c>page_count</c> counts its pages.</param>
public sealed record StageDescription(string Name, string Label, int? Step, bool PlanKnown);

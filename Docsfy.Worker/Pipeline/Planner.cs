using System.Text.Json;
using Docsfy.Worker.Plans;

namespace Docsfy.Worker.Pipeline;

/// <summary><c>planning</c>: the AI explores the repository and answers with the site's plan.</summary>
public sealed class Planner(ILogger<Planner> logger)
{
    public async Task<PlanResult> PlanAsync(RunContext run, CancellationToken cancellationToken)
    {
        var overviewFile = await run.WriteScratchFileAsync("repository-overview.md", run.Repository.Overview, cancellationToken);
        var answer = await run.Ai!.AskAsync(Prompts.Plan(run, overviewFile), cancellationToken);
        try
        {
            return new PlanResult(PlanParser.Parse(answer, run.Variant.Name), null);
        }
        catch (InvalidPlanException exception)
        {
            logger.LogWarning("Run {RunId}: the plan was unusable: {Problem}", run.Command.RunId, exception.Message);
            return new PlanResult(null, $"The AI's plan was unusable: {exception.Message}");
        }
    }
}

public sealed record PlanResult(DocumentationPlan? Plan, string? Error)
{
    public string Json => JsonSerializer.Serialize(Plan);
}

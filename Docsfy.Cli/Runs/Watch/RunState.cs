using System.Text.Json;
using Docsfy.Cli.Projects;

namespace Docsfy.Cli.Runs.Watch;

/// <summary>What is known of the run being watched, from the hub's messages and the API's records.</summary>
public sealed record RunState(string Status, string? Stage, int PageCount, int? PlanTotal, string? ErrorMessage)
{
    public static readonly RunState Starting = new("generating", null, 0, null, null);

    public bool IsTerminal => Status is "ready" or "error" or "aborted";

    /// <summary>Pages planned for this run, once its plan is known; null while that says nothing about this run.</summary>
    public int? Total => Status == "ready" ? Math.Max(PageCount, PlanTotal ?? 0) : Stages.PlanIsThisRuns(Stage) ? PlanTotal : null;

    /// <summary>A <c>progress</c> or <c>status_change</c> message, or a variant record: absent fields keep their value.</summary>
    public RunState With(JsonElement message) => new(
        VariantId.Text(message, "status") ?? Status,
        message.TryGetProperty("current_stage", out var stage) ? (stage.ValueKind == JsonValueKind.String ? stage.GetString() : Stage) : Stage,
        message.TryGetProperty("page_count", out var pages) && pages.ValueKind == JsonValueKind.Number && pages.TryGetInt32(out var count) ? count : PageCount,
        message.TryGetProperty("plan_json", out var plan) && plan.ValueKind == JsonValueKind.String ? PlanSize.Pages(plan.GetString()) ?? PlanTotal : PlanTotal,
        VariantId.Text(message, "error_message") ?? ErrorMessage);
}

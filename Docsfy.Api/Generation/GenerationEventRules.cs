using Docsfy.Contracts;

namespace Docsfy.Api.Generation;

/// <summary>What a worker event may contain. Anything else is dropped with a log line rather than stored and fanned out.</summary>
public static class GenerationEventRules
{

    private const int MaxErrorLength = 4000;
    private const int MaxPlanLength = 1_000_000;
    private const int MaxLeftOutLength = 1000;

    public static string? Problem(GenerationProgressed progress) =>
        !IsReportableStage(progress.Stage) ? "malformed stage name"
        : HasNul(progress.Variant) || HasNul(progress.PlanJson) || HasNul(progress.ErrorMessage) ? "NUL character in text"
        : progress.Sequence <= 0 ? "non-positive sequence"
        : progress.Attempt <= 0 ? "non-positive attempt"
        : progress.PageCount < 0 ? "negative page count"
        : progress.PlanJson?.Length > MaxPlanLength ? "plan too large"
        : progress.ErrorMessage?.Length > MaxErrorLength ? "error text too long"
        : null;

    public static string? Problem(GenerationFinished finished) =>
        !VariantStatus.Terminal.Contains(finished.Status) ? "unknown terminal status"
        : HasNul(finished.Variant) || HasNul(finished.PlanJson) || HasNul(finished.ErrorMessage) || HasNul(finished.CommitSha)
          || HasNul(finished.LeftOut) ? "NUL character in text"
        : finished.PageCount < 0 ? "negative page count"
        : finished.Attempt <= 0 ? "non-positive attempt"
        : finished.CommitSha?.Length > 64 ? "commit SHA too long"
        : finished.ErrorMessage?.Length > MaxErrorLength ? "error text too long"
        : finished.PlanJson?.Length > MaxPlanLength ? "plan too large"
        : finished.LeftOut?.Length > MaxLeftOutLength ? "left-out text too long"
        : finished.Usage is { } usage && (usage.AiCalls < 0 || usage.InputTokens < 0 || usage.OutputTokens < 0
            || usage.CostUsd is < 0 or > MaxCostUsd || usage.PagesReused < 0) ? "usage out of range"
        : null;

    public static string? Problem(GenerationHandedBack handedBack) =>
        handedBack.Attempt <= 0 ? "non-positive attempt"
        : handedBack.WorkerId is null || handedBack.WorkerId.Length > MaxWorkerIdLength || HasNul(handedBack.WorkerId) ? "malformed worker id"
        : null;

    private const int MaxWorkerIdLength = 200;

    /// <summary>
    /// A stage a worker may report: any well-formed name, known to this API or not (a newer worker's stage is shown by its
    /// name rather than dropped), except the names that mean something else to clients.
    /// </summary>
    private static bool IsReportableStage(string stage) =>
        RunStage.IsWellFormed(stage) && !VariantStatus.All.Contains(stage) && stage != RunStage.UpToDate;

    private const decimal MaxCostUsd = 100_000_000m;

    /// <summary>PostgreSQL's text cannot hold U+0000; such an event could never be stored.</summary>
    private static bool HasNul(string? text) => text?.Contains('\0') == true;

    private static bool HasNul(VariantKey variant) =>
        HasNul(variant.Name) || HasNul(variant.Branch) || HasNul(variant.Provider) || HasNul(variant.Model) || HasNul(variant.Owner);
}

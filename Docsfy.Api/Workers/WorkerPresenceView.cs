using Docsfy.Api.Http;
using Docsfy.Contracts;

namespace Docsfy.Api.Workers;

/// <summary>One live worker as <c>GET /api/workers</c> shows it.</summary>
/// <param name="Providers">The AI providers it can run now (tools installed, endpoints configured).</param>
public sealed record WorkerPresenceView(string Id, string Host, int RunsInProgress, int MaxConcurrentRuns, int FreeSlots,
    IReadOnlyList<string> Providers, string StartedAt, string LastSeen)
{
    public static WorkerPresenceView From(WorkerAlive report, DateTimeOffset seenAt) => new(report.WorkerId, report.Host,
        report.RunsInProgress, report.MaxConcurrentRuns, Math.Max(0, report.MaxConcurrentRuns - report.RunsInProgress),
        report.Providers, Timestamps.Format(report.StartedAt), Timestamps.Format(seenAt.UtcDateTime));
}

using System.Collections.Concurrent;
using Docsfy.Worker.Checkpoints;

namespace Docsfy.WorkerTests.Pipeline;

/// <summary>A checkpoint that keeps what a run records, and the page count the run had reported by then.</summary>
internal sealed class RecordingCheckpoint(Func<int> reportedPages) : IRunCheckpoint
{
    public ConcurrentDictionary<string, string> Pages { get; } = new(StringComparer.Ordinal);

    /// <summary>For each page, how many pages the run had reported when it was recorded.</summary>
    public ConcurrentDictionary<string, int> ReportedWhenRecorded { get; } = new(StringComparer.Ordinal);

    public List<(string Plan, IReadOnlyList<string>? Rewrite)> Plans { get; } = [];

    public Task PlanAsync(string planJson, IReadOnlyList<string>? rewrite, CancellationToken cancellationToken)
    {
        lock (Plans)
        {
            Plans.Add((planJson, rewrite));
        }
        return Task.CompletedTask;
    }

    public Task PageAsync(string slug, string markdown, CancellationToken cancellationToken)
    {
        Pages[slug] = markdown;
        ReportedWhenRecorded[slug] = reportedPages();
        return Task.CompletedTask;
    }
}

using System.Diagnostics;
using System.Text.Json;
using Docsfy.Bench.Infrastructure;

namespace Docsfy.Bench.Scenarios;

/// <summary>
/// One run as an admin's browser tab sees it over <c>/api/ws</c>: when the first <c>progress</c> of each stage arrived,
/// and when the <c>status_change</c> that ended the run arrived. Runs of the bench are one at a time, so messages are
/// matched by project name and model only.
/// </summary>
public sealed class RunTimeline(string name, string model) : IHubMessageSink
{
    private readonly Lock _lock = new();
    private readonly List<(string Stage, long At)> _stages = [];
    private readonly TaskCompletionSource<RunEnd> _end = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _pagesReported;

    /// <summary>The stages in the order they began, each with the timestamp of its first progress.</summary>
    public IReadOnlyList<(string Stage, long At)> Stages
    {
        get
        {
            lock (_lock)
            {
                return [.. _stages];
            }
        }
    }

    /// <summary>The highest page_count a progress carried.</summary>
    public int PagesReported => Volatile.Read(ref _pagesReported);

    public Task<RunEnd> End => _end.Task;

    public void OnMessage(ReadOnlySpan<byte> message, long receivedAt)
    {
        using var json = JsonDocument.Parse(message.ToArray());
        var root = json.RootElement;
        var type = root.GetProperty("type").GetString();
        if (type is not ("progress" or "status_change") || root.GetProperty("name").GetString() != name
            || root.GetProperty("model").GetString() != model)
        {
            return;
        }
        if (type == "status_change")
        {
            _end.TrySetResult(new RunEnd(root.GetProperty("status").GetString()!, root.GetProperty("page_count").GetInt32(),
                root.GetProperty("error_message").GetString(), receivedAt));
            return;
        }
        var stage = root.GetProperty("current_stage").GetString()!;
        lock (_lock)
        {
            if (!_stages.Exists(s => s.Stage == stage))
            {
                _stages.Add((stage, receivedAt));
            }
            _pagesReported = Math.Max(_pagesReported, root.GetProperty("page_count").GetInt32());
        }
    }

    /// <summary>
    /// Each stage's duration: from its first progress to the next stage's first progress, the last one to the
    /// status_change. Before the first stage comes <c>queued</c>, from the POST to the first progress.
    /// </summary>
    public IReadOnlyList<(string Stage, TimeSpan Duration)> Durations(long postedAt, RunEnd end)
    {
        var stages = Stages;
        var durations = new List<(string, TimeSpan)> { ("queued", Stopwatch.GetElapsedTime(postedAt, stages.Count > 0 ? stages[0].At : end.At)) };
        for (var i = 0; i < stages.Count; i++)
        {
            var next = i + 1 < stages.Count ? stages[i + 1].At : end.At;
            durations.Add((stages[i].Stage, Stopwatch.GetElapsedTime(stages[i].At, next)));
        }
        return durations;
    }
}

/// <summary>The run's <c>status_change</c>.</summary>
public sealed record RunEnd(string Status, int PageCount, string? ErrorMessage, long At);

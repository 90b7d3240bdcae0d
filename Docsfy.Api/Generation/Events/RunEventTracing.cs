using System.Diagnostics;
using Docsfy.Api.Telemetry;

namespace Docsfy.Api.Generation.Events;

/// <summary>
/// The span of applying one batch of a partition's events. Each event carries the trace context of the worker span that
/// sent it (<see cref="RunEvent.TraceContext"/>), which belongs to the trace of its run. A span has one parent, and a
/// batch may hold several runs' events, so:
/// <list type="bullet">
/// <item>when every event of the batch belongs to one trace (one run: the usual case, since a quiet partition applies each
/// event as it arrives), the span is a child of the newest event's sender, and the run's trace goes on through the
/// database write and the hub's broadcast without a break;</item>
/// <item>when the batch mixes traces, the span starts a trace of its own and links to every run's context, as
/// OpenTelemetry's messaging conventions do for batches: the dashboard shows the links, and no run's trace claims work
/// that was shared with others.</item>
/// </list>
/// One span per run instead would be simpler to read but would lie: the batch is one statement and one broadcast.
/// </summary>
public static class RunEventTracing
{
    /// <summary>Links beyond this are dropped (a batch of 1,000 events could otherwise carry 1,000 links).</summary>
    public const int MaxLinks = 128;

    public static Activity? StartApply(string queue, IReadOnlyList<RunEvent> batch)
    {
        var contexts = batch.Select(item => item.TraceContext).Where(context => context != default).ToList();
        var traces = contexts.DistinctBy(context => context.TraceId).ToList();
        var parent = traces.Count == 1 ? contexts[^1] : default;
        IEnumerable<ActivityLink>? links = traces.Count > 1 ? traces.Take(MaxLinks).Select(context => new ActivityLink(context)) : null;

        // This loop was started by whatever started the session; a batch belongs to its events' traces, not to that.
        Activity.Current = null;
        var activity = ApiTelemetry.Source.StartActivity("apply events", ActivityKind.Consumer, parent, links: links);
        activity?.SetTag("messaging.system", "rabbitmq");
        activity?.SetTag("messaging.destination.name", queue);
        activity?.SetTag("messaging.batch.message_count", batch.Count);
        activity?.SetTag("docsfy.traces", traces.Count);
        return activity;
    }
}

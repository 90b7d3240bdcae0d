using System.Diagnostics;
using Docsfy.Api.Generation.Events;
using Docsfy.Contracts;

namespace Docsfy.UnitTests.Generation;

/// <summary>How an applied batch joins the traces of the runs whose events it holds.</summary>
public sealed class RunEventTracingTests : IDisposable
{
    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = source => source.Name == Microsoft.Extensions.Hosting.TelemetrySources.Api,
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    public RunEventTracingTests() => ActivitySource.AddActivityListener(_listener);

    [Fact]
    public void The_worker_envelope_header_gives_each_event_its_senders_context()
    {
        var sender = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        var envelope = $$$"""
            {"messageType":["urn:message:Docsfy.Contracts:GenerationHeartbeat"],
             "headers":{"MT-Activity-Id":"00-{{{sender.TraceId}}}-{{{sender.SpanId}}}-01"},
             "message":{"runId":"{{{Guid.NewGuid()}}}","workerId":"w"}}
            """;

        var read = RunEventReader.Read(System.Text.Encoding.UTF8.GetBytes(envelope), 1, out var problem);

        Assert.Null(problem);
        Assert.Equal((sender.TraceId, sender.SpanId), (read!.TraceContext.TraceId, read.TraceContext.SpanId));
        Assert.True(read.TraceContext.IsRemote);
    }

    [Theory]
    [InlineData("""{"MT-Activity-Id":"not a trace parent"}""")]
    [InlineData("""{"MT-Activity-Id":42}""")]
    [InlineData("""[]""")]
    public void A_missing_or_malformed_header_leaves_the_event_without_a_context_and_still_applies_it(string headers)
    {
        var envelope = $$$"""
            {"messageType":["urn:message:Docsfy.Contracts:GenerationHeartbeat"],"headers":{{{headers}}},
             "message":{"runId":"{{{Guid.NewGuid()}}}","workerId":"w"}}
            """;

        var read = RunEventReader.Read(System.Text.Encoding.UTF8.GetBytes(envelope), 1, out var problem);

        Assert.Null(problem);
        Assert.Equal(default, read!.TraceContext);
    }

    [Fact]
    public void A_batch_of_one_runs_events_continues_that_runs_trace_from_its_newest_event()
    {
        var trace = ActivityTraceId.CreateRandom();
        var first = Event(1, new ActivityContext(trace, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded));
        var newest = Event(2, new ActivityContext(trace, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded));

        using var apply = RunEventTracing.StartApply("generation-events-3", [first, newest, Event(3, default)]);

        Assert.NotNull(apply);
        Assert.Equal(trace, apply.TraceId);
        Assert.Equal(newest.TraceContext.SpanId, apply.ParentSpanId);
        Assert.Empty(apply.Links);
        Assert.Equal("generation-events-3", apply.GetTagItem("messaging.destination.name"));
        Assert.Equal(3, apply.GetTagItem("messaging.batch.message_count"));
    }

    [Fact]
    public void A_batch_mixing_runs_starts_its_own_trace_linked_once_to_each_run()
    {
        var runA = ActivityTraceId.CreateRandom();
        var runB = ActivityTraceId.CreateRandom();
        RunEvent[] batch =
        [
            Event(1, new ActivityContext(runA, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded)),
            Event(2, new ActivityContext(runB, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded)),
            Event(3, new ActivityContext(runA, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded)),
        ];

        using var apply = RunEventTracing.StartApply("generation-events-0", batch);

        Assert.NotNull(apply);
        Assert.NotEqual(runA, apply.TraceId);
        Assert.NotEqual(runB, apply.TraceId);
        Assert.Equal(default, apply.ParentSpanId);
        Assert.Equal([runA, runB], apply.Links.Select(link => link.Context.TraceId));
    }

    private static RunEvent Event(ulong tag, ActivityContext context) =>
        new(tag, Heartbeat: new GenerationHeartbeat(Guid.NewGuid(), "w"), TraceContext: context);

    public void Dispose() => _listener.Dispose();
}

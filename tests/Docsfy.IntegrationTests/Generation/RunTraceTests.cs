using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Docsfy.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Docsfy.IntegrationTests.Generation;

/// <summary>
/// A run is one trace: the caller's <c>traceparent</c> on <c>POST /api/generate</c> is the trace of the command through
/// RabbitMQ, the worker's run, stages and AI calls, the events back, their application and the hub's fan-out.
/// </summary>
[Collection(TracingCollection.Name)]
public sealed class RunTraceTests(TracingFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan ExportTimeout = TimeSpan.FromMinutes(1);

    private static readonly string[] Stages = ["cloning", "planning", "generating_pages", "validating", "cross_linking", "rendering"];

    [Fact]
    public async Task The_trace_id_of_the_request_crosses_api_broker_worker_and_back_to_the_hub()
    {
        var name = DocsfyAppFixture.UniqueName("traced");
        var repository = GitRepositories.Create(name, GenerationTests.SampleFiles);
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var client = fixture.Host.Client();
        await using var socket = await HubClient.ConnectSyncedAsync(fixture.Host, DocsfyAppHost.AdminKey);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/generate")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { repo_path = repository, ai_provider = "claude", ai_model = "fake-model" }),
                Encoding.UTF8, "application/json"),
        };
        DocsfyAppFixture.Admin.Apply(request);
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        var started = (await client.SendAsync(request)).AssertStatus(HttpStatusCode.Accepted);
        var runId = started.String("generation_id");
        var run = await RunWatcher.UntilFinishedAsync(socket, name, RunTimeout);
        Assert.Equal("ready", run.StatusChange.GetProperty("status").GetString());

        // Spans are exported in batches after they end; wait until the last part of the trace (the fan-out of the ready
        // event, on both replicas) has arrived.
        IReadOnlyList<ExportedSpan> spans = [];
        await Eventually.HoldsAsync(() =>
        {
            spans = [.. fixture.Receiver.Spans.Where(span => span.TraceId == traceId)];
            return spans.Any(span => span.Name == "generation run")
                && spans.Count(span => span.Service == "api" && span.Name == "hub fan-out") >= fixture.Host.ApiReplicas;
        }, $"the trace {traceId} reaching the worker and the hub of every replica", ExportTimeout);

        // The trace as the dashboard draws it (in the test's output, to see what a failure saw).
        output.WriteLine(TraceTree(spans));

        // API: the request, and the command sent through RabbitMQ.
        var post = Assert.Single(spans, span => span.Service == "api" && span.Scope == "Microsoft.AspNetCore");
        Assert.Equal("/api/generate", post.Attributes.GetValueOrDefault("http.route"));
        Assert.Contains(spans, span => span.Service == "api" && span.Scope == "MassTransit" && span.Name.EndsWith(" send", StringComparison.Ordinal));

        // Worker: the consumed command, then the run under it, a span per stage under the run, AI calls inside stages.
        var workerMessaging = spans.Where(span => span.Service == "worker" && span.Scope == "MassTransit").ToList();
        Assert.Contains(workerMessaging, span => span.Name.StartsWith("generate-documentation ", StringComparison.Ordinal));
        var runSpan = Assert.Single(spans, span => span.Name == "generation run");
        Assert.Equal("worker", runSpan.Service);
        Assert.Contains(runSpan.ParentSpanId, workerMessaging.Select(span => span.SpanId));
        Assert.Equal(runId, runSpan.Attributes["docsfy.run_id"]);
        Assert.Equal("claude", runSpan.Attributes["gen_ai.system"]);
        Assert.Equal("fake-model", runSpan.Attributes["gen_ai.request.model"]);
        Assert.Equal("ready", runSpan.Attributes["docsfy.status"]);
        var stages = spans.Where(span => span.Scope == "Docsfy.Worker" && span.Name.StartsWith("stage ", StringComparison.Ordinal)).ToList();
        Assert.Equal(Stages.Order(), stages.Select(span => span.Attributes["docsfy.stage"]).Order());
        Assert.All(stages, stage => Assert.Equal(runSpan.SpanId, stage.ParentSpanId));
        var aiCalls = spans.Where(span => span.Name == "ai claude").ToList();
        Assert.NotEmpty(aiCalls);
        var stageIds = stages.ToDictionary(stage => stage.SpanId, stage => stage.Attributes["docsfy.stage"]);
        Assert.All(aiCalls, call =>
        {
            Assert.Equal(stageIds[call.ParentSpanId], call.Attributes["docsfy.stage"]);
            Assert.Equal("fake-model", call.Attributes["gen_ai.request.model"]);
            Assert.Equal(runId, call.Attributes["docsfy.run_id"]);
        });
        Assert.Contains(aiCalls, call => call.Attributes["docsfy.stage"] == "planning");

        // Back in the API: events applied as children of the worker's send spans, and broadcast to every replica's hub.
        var workerSpanIds = spans.Where(span => span.Service == "worker").Select(span => span.SpanId).ToHashSet();
        var applies = spans.Where(span => span.Service == "api" && span.Name == "apply events").ToList();
        Assert.NotEmpty(applies);
        Assert.All(applies, apply => Assert.Contains(apply.ParentSpanId, workerSpanIds));
        Assert.Contains(applies, apply => apply.Attributes["messaging.destination.name"].StartsWith("generation-events-", StringComparison.Ordinal));
        Assert.True(spans.Count(span => span.Name == "hub fan-out") >= fixture.Host.ApiReplicas);

        // Nothing a run's spans carry is content: no prompt, no answer, no key.
        Assert.All(spans.Where(span => span.Scope.StartsWith("Docsfy.", StringComparison.Ordinal)), span =>
            Assert.All(span.Attributes.Values, value => Assert.DoesNotContain(DocsfyAppHost.AdminKey, value, StringComparison.Ordinal)));
    }

    /// <summary>Spans indented under their parents, as service, scope and name.</summary>
    private static string TraceTree(IReadOnlyList<ExportedSpan> spans)
    {
        var ids = spans.Select(span => span.SpanId).ToHashSet();
        var children = spans.ToLookup(span => ids.Contains(span.ParentSpanId) ? span.ParentSpanId : "");
        var lines = new StringBuilder();
        void Write(string parent, int depth)
        {
            foreach (var span in children[parent])
            {
                lines.Append(' ', depth * 2).AppendLine($"{span.Service} [{span.Scope}] {span.Name}");
                Write(span.SpanId, depth + 1);
            }
        }
        Write("", 0);
        return lines.ToString();
    }
}

using Docsfy.Contracts;
using MassTransit;

namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>
/// Sends worker events to the app's RabbitMQ exactly as a worker does (to the run's partition exchange), for the cases a
/// real worker cannot produce on demand: stale, duplicate, foreign and malformed events, thousands of events at once,
/// plans of a chosen size, events timed around a broker restart, and marker events on a chosen partition. Everything a
/// real run can show is tested with real runs (Generation/).
/// </summary>
public sealed class FakeWorker : IAsyncDisposable
{
    private readonly IBusControl _bus;

    private FakeWorker(IBusControl bus) => _bus = bus;

    public static async Task<FakeWorker> StartAsync(DocsfyAppHost host)
    {
        var connectionString = await host.App.GetConnectionStringAsync("messaging")
            ?? throw new InvalidOperationException("messaging has no connection string.");
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(connectionString)));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await bus.StartAsync(timeout.Token);
        return new FakeWorker(bus);
    }

    public Task ProgressAsync(VariantKey variant, Guid runId, long sequence, string stage, int pageCount, string? planJson = null) =>
        SendAsync(runId, new GenerationProgressed(variant, runId, sequence, stage, pageCount, planJson, null));

    public Task FinishedAsync(VariantKey variant, Guid runId, long sequence, string status, int pageCount,
        string? commitSha = "abc123", string? error = null, bool upToDate = false) =>
        SendAsync(runId, new GenerationFinished(variant, runId, sequence, status, pageCount,
            status == "ready" ? DateTime.UtcNow : null, commitSha, error, upToDate));

    /// <summary>Sends any message to the run's event partition, as the worker's RunEventSender does.</summary>
    public async Task SendAsync(Guid runId, object message)
    {
        var endpoint = await _bus.GetSendEndpoint(RunEventQueues.AddressFor(runId));
        await endpoint.Send(message);
    }

    public async ValueTask DisposeAsync() => await _bus.StopAsync(TimeSpan.FromSeconds(10));
}

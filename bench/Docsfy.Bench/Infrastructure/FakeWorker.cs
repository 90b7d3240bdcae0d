using Docsfy.Contracts;
using MassTransit;

namespace Docsfy.Bench.Infrastructure;

/// <summary>Publishes worker events to the app's RabbitMQ exactly as a worker does (MassTransit, the shared contracts).</summary>
public sealed class FakeWorker : IEventPublisher, IAsyncDisposable
{
    private readonly IBusControl _bus;

    private FakeWorker(IBusControl bus) => _bus = bus;

    public static async Task<FakeWorker> StartAsync(string connectionString)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(connectionString)));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await bus.StartAsync(timeout.Token);
        return new FakeWorker(bus);
    }

    /// <summary>Sends to the run's event partition, as the worker's RunEventSender does.</summary>
    public async Task ProgressAsync(GenerationProgressed progress)
    {
        var endpoint = await _bus.GetSendEndpoint(RunEventQueues.AddressFor(progress.RunId));
        await endpoint.Send(progress);
    }

    public Task PublishAsync(RunningVariant variant, long sequence, int eventNumber) =>
        ProgressAsync(new GenerationProgressed(variant.Key, variant.RunId, sequence, "generating_pages", PageCount: eventNumber,
            PlanJson: null, ErrorMessage: null));

    public async ValueTask DisposeAsync() => await _bus.StopAsync(TimeSpan.FromSeconds(10));
}

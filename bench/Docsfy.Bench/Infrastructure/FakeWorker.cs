using Docsfy.Contracts;
using MassTransit;

namespace Docsfy.Bench.Infrastructure;

/// <summary>Publishes worker events to the app's RabbitMQ exactly as a worker does (MassTransit, the shared contracts).</summary>
public sealed class FakeWorker : IAsyncDisposable
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

    public Task ProgressAsync(GenerationProgressed progress) => _bus.Publish(progress);

    public async ValueTask DisposeAsync() => await _bus.StopAsync(TimeSpan.FromSeconds(10));
}

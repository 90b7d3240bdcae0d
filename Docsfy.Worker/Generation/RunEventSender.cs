using Docsfy.Contracts;
using MassTransit;

namespace Docsfy.Worker.Generation;

/// <summary>
/// Sends a run's events to the API on the run's own partition (<see cref="RunEventQueues"/>), so they are applied in the
/// order they were sent. The message is sent as its runtime type, which is how the API recognises it.
/// </summary>
public sealed class RunEventSender(IBus bus)
{
    public async Task SendAsync(Guid runId, object message, CancellationToken cancellationToken)
    {
        var endpoint = await bus.GetSendEndpoint(RunEventQueues.AddressFor(runId));
        await endpoint.Send(message, cancellationToken);
    }
}

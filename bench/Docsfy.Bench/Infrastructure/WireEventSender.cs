using System.Text.Json;
using Docsfy.Contracts;
using RabbitMQ.Client;

namespace Docsfy.Bench.Infrastructure;

/// <summary>
/// Sends worker events as fast as the broker takes them, for the apply scenario, whose figure must be the API's and not
/// the sender's: the same bytes MassTransit puts on the wire for a worker (its JSON envelope, the run's partition
/// exchange, persistent), written by the RabbitMQ client on several channels without waiting for confirms one by one.
/// </summary>
public sealed class WireEventSender : IAsyncDisposable
{
    private const int Channels = 4;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly IConnection _connection;
    private readonly IChannel[] _channels;

    private WireEventSender(IConnection connection, IChannel[] channels) => (_connection, _channels) = (connection, channels);

    public static async Task<WireEventSender> ConnectAsync(string amqpUri)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(amqpUri), ClientProvidedName = "docsfy-bench-sender" }
            .CreateConnectionAsync();
        var channels = new IChannel[Channels];
        for (var i = 0; i < Channels; i++)
        {
            channels[i] = await connection.CreateChannelAsync(new CreateChannelOptions(
                publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        }
        return new WireEventSender(connection, channels);
    }

    /// <summary>Sends every event, each run's in order on one channel (a run's partition never changes).</summary>
    public Task SendAsync(IReadOnlyList<GenerationProgressed> events) => SendAsync(events, e => e.RunId);

    /// <summary>Sends worker events of any type (e.g. <see cref="GenerationFinished"/>) the same way.</summary>
    public async Task SendAsync<T>(IReadOnlyList<T> events, Func<T, Guid> runOf) where T : class
    {
        string[] messageType = [$"urn:message:{typeof(T).Namespace}:{typeof(T).Name}"];
        await Parallel.ForEachAsync(Enumerable.Range(0, Channels), async (lane, _) =>
        {
            var channel = _channels[lane];
            var pending = new List<ValueTask>(1024);
            foreach (var message in events.Where(e => RunEventQueues.PartitionOf(runOf(e)) % Channels == lane))
            {
                var messageId = Guid.NewGuid();
                var body = JsonSerializer.SerializeToUtf8Bytes(new
                {
                    messageId,
                    conversationId = Guid.NewGuid(),
                    sourceAddress = "rabbitmq://localhost/docsfy-bench",
                    destinationAddress = $"rabbitmq://localhost/{RunEventQueues.NameOf(RunEventQueues.PartitionOf(runOf(message)))}",
                    messageType,
                    message,
                    sentTime = DateTime.UtcNow,
                    headers = new { },
                }, Json);
                var properties = new BasicProperties
                {
                    ContentType = "application/vnd.masstransit+json",
                    DeliveryMode = DeliveryModes.Persistent,
                    MessageId = messageId.ToString(),
                };
                pending.Add(channel.BasicPublishAsync(RunEventQueues.NameOf(RunEventQueues.PartitionOf(runOf(message))), "",
                    mandatory: false, properties, body));
                if (pending.Count == 1024)
                {
                    await DrainAsync(pending);
                }
            }
            await DrainAsync(pending);
        });
    }

    private static async Task DrainAsync(List<ValueTask> pending)
    {
        foreach (var publish in pending)
        {
            await publish;
        }
        pending.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels)
        {
            await channel.DisposeAsync();
        }
        await _connection.DisposeAsync();
    }
}

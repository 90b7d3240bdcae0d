using System.Threading.Channels;
using Docsfy.Api.Hub;
using MassTransit;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Docsfy.Api.Generation.Events;

/// <summary>
/// Consumes one partition queue on one RabbitMQ channel. Deliveries arrive in queue order and are applied in batches:
/// whatever arrived while the previous batch was being applied forms the next one (so a quiet system applies each event
/// at once and a busy one applies hundreds per statement), then the whole batch is acknowledged with one multiple ack.
/// Nothing is acknowledged before it is in PostgreSQL, so a crash or a broker restart loses nothing: the broker delivers
/// the unacknowledged events again, and applying an event twice changes nothing.
/// </summary>
public sealed class EventPartitionSession
{
    /// <summary>Unacknowledged deliveries the broker may hand this channel; the in-memory backlog is bounded by it.</summary>
    public const ushort Prefetch = 2000;

    public const int MaxBatch = 1000;

    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxYieldWait = TimeSpan.FromSeconds(30);

    private readonly IChannel _channel;
    private readonly string _queue;
    private readonly RunEventApplier _applier;
    private readonly IBus _bus;
    private readonly ILogger _logger;
    private readonly Channel<RunEvent> _pending = Channel.CreateUnbounded<RunEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private string? _consumerTag;
    private int _deliveredSinceSubscribe;
    private volatile bool _applying;

    private EventPartitionSession(IChannel channel, string queue, RunEventApplier applier, IBus bus, ILogger logger)
    {
        (_channel, _queue, _applier, _bus, _logger) = (channel, queue, applier, bus, logger);
        _channel.ChannelShutdownAsync += (_, _) =>
        {
            _stop.Cancel();
            return Task.CompletedTask;
        };
    }

    /// <summary>Ends when the channel closes or <see cref="StopAsync"/> is called.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    public static async Task<EventPartitionSession> StartAsync(IConnection connection, string queue, RunEventApplier applier,
        IBus bus, ILogger logger, CancellationToken cancellationToken)
    {
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            // The exchange is the one workers send to (MassTransit's exchange: address: fanout, durable).
            await channel.ExchangeDeclareAsync(queue, ExchangeType.Fanout, durable: true, autoDelete: false,
                cancellationToken: cancellationToken);
            // Single active consumer: every replica subscribes, one at a time receives, so a run's events stay in order
            // and another replica takes over at once when the active one goes away.
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
                arguments: new Dictionary<string, object?> { ["x-single-active-consumer"] = true },
                cancellationToken: cancellationToken);
            await channel.QueueBindAsync(queue, queue, routingKey: "", cancellationToken: cancellationToken);
            await channel.BasicQosAsync(0, Prefetch, global: false, cancellationToken);
        }
        catch
        {
            await channel.DisposeAsync();
            throw;
        }
        var session = new EventPartitionSession(channel, queue, applier, bus, logger);
        await session.ConsumeAsync(cancellationToken);
        session.Completion = Task.Run(session.ApplyLoopAsync, CancellationToken.None);
        return session;
    }

    /// <summary>
    /// Steps back to the end of the queue's line of consumers so another replica becomes the active one: stops taking
    /// deliveries, applies and acknowledges what it already has (a run's events stay in one replica's hands at a time as
    /// far as the broker allows; the sequence rules cover the rest), then subscribes again.
    /// </summary>
    public async Task YieldAsync(CancellationToken cancellationToken)
    {
        if (_consumerTag is not { } tag || _stop.IsCancellationRequested)
        {
            return;
        }
        _consumerTag = null;
        await _channel.BasicCancelAsync(tag, noWait: false, cancellationToken);
        var deadline = DateTime.UtcNow + MaxYieldWait;
        while ((_pending.Reader.Count > 0 || _applying) && DateTime.UtcNow < deadline && !_stop.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }
        await ConsumeAsync(cancellationToken);
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Completion.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        try
        {
            await _channel.CloseAsync();
        }
        catch (Exception exception) when (exception is RabbitMQ.Client.Exceptions.RabbitMQClientException or OperationCanceledException
                                              or ObjectDisposedException or IOException)
        {
            // Already closed by the broker or the connection; the unacknowledged deliveries go back to the queue.
        }
        await _channel.DisposeAsync();
    }

    private async Task ConsumeAsync(CancellationToken cancellationToken)
    {
        var consumer = new AsyncEventingBasicConsumer(_channel);
        Interlocked.Exchange(ref _deliveredSinceSubscribe, 0);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            if (Interlocked.Increment(ref _deliveredSinceSubscribe) == 1)
            {
                // Single active consumer: a first delivery means this replica is now the one applying the partition.
                _logger.LogInformation("Partition {Queue} is active on replica {Replica}", _queue, ReplicaIdentity.Id);
            }
            // The body is only valid inside this callback: it is parsed here, in delivery order.
            var item = RunEventReader.Read(delivery.Body, delivery.DeliveryTag, out var problem);
            if (problem is not null)
            {
                _logger.LogWarning("Refused a worker event on {Queue}: {Problem}", _queue, problem);
            }
            _pending.Writer.TryWrite(item ?? new RunEvent(delivery.DeliveryTag));
            return Task.CompletedTask;
        };
        _consumerTag = await _channel.BasicConsumeAsync(_queue, autoAck: false, consumer, cancellationToken);
    }

    private async Task ApplyLoopAsync()
    {
        var batch = new List<RunEvent>(MaxBatch);
        try
        {
            while (await _pending.Reader.WaitToReadAsync(_stop.Token))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }
                _applying = true;
                using (RunEventTracing.StartApply(_queue, batch))
                {
                    await ApplyWithRetriesAsync(RunEventBatch.From(batch));
                }
                // Deliveries are numbered in the order they arrived, so one ack covers this batch and nothing later.
                await _channel.BasicAckAsync(batch[^1].DeliveryTag, multiple: true, _stop.Token);
                _applying = false;
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception exception) when (exception is RabbitMQ.Client.Exceptions.RabbitMQClientException or IOException)
        {
            _logger.LogWarning("Partition {Queue} lost its channel: {Reason}", _queue, exception.Message);
        }
        finally
        {
            _applying = false;
        }
    }

    /// <summary>A database that is briefly away is waited for; the batch stays unacknowledged meanwhile.</summary>
    private async Task ApplyWithRetriesAsync(RunEventBatch batch)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                await _applier.ApplyAsync(batch, BroadcastAsync, _stop.Token);
                return;
            }
            catch (Exception exception) when (exception is Npgsql.NpgsqlException or TimeoutException && !_stop.IsCancellationRequested)
            {
                _logger.LogWarning("Applying a batch of {Queue} failed, retrying in {Delay}: {Reason}", _queue, delay, exception.Message);
                await Task.Delay(delay, _stop.Token);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    /// <summary>
    /// One broadcast per batch to every replica's hub. If the broker cannot take it, the rows are right anyway and every
    /// socket gets a fresh sync when the broadcast queue comes back.
    /// </summary>
    private async Task BroadcastAsync(IReadOnlyList<VariantEvent> events)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            timeout.CancelAfter(PublishTimeout);
            await _bus.Publish(new VariantEventsBroadcast(events), timeout.Token);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            _logger.LogWarning("Could not broadcast {Count} events of {Queue}: {Reason}", events.Count, _queue, exception.Message);
        }
    }
}

using Docsfy.Api.Hub;
using Docsfy.Contracts;
using MassTransit;
using RabbitMQ.Client;

namespace Docsfy.Api.Generation.Events;

/// <summary>
/// Subscribes this replica to every worker-event partition (<see cref="RunEventQueues"/>) on a RabbitMQ connection of
/// its own, keeps the subscriptions alive across broker restarts, and shares the partitions among the live replicas:
/// whenever the set of replicas changes, this one steps back on the partitions another replica prefers, so N replicas
/// apply events in parallel while each partition (and so each run) is applied by one replica at a time.
/// </summary>
/// <remarks>
/// Its own connection, without the client's automatic recovery: a delivery tag belongs to its channel, and a batch
/// taken from a channel that died must not be acknowledged on a recovered one. A session that loses its channel ends;
/// a new one starts on a fresh connection and the broker delivers the unacknowledged events again.
/// </remarks>
public sealed class RunEventPartitions(IConfiguration configuration, RunEventApplier applier, IBus bus,
    ReplicaMembership membership, EventListening listening, ILogger<RunEventPartitions> logger) : BackgroundService
{
    private static readonly TimeSpan MaxReconnectDelay = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _connecting = new(1, 1);
    private readonly EventPartitionSession?[] _sessions = new EventPartitionSession?[RunEventQueues.Count];
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IConnection? _connection;

    /// <summary>Completes once every partition has a subscription, so a started replica is a consuming one.</summary>
    public Task Subscribed => _subscribed.Task;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await base.StartAsync(cancellationToken);
        // Start-up waits for the subscriptions (and so for the queues to exist), like MassTransit's own endpoints.
        await Subscribed.WaitAsync(TimeSpan.FromMinutes(1), cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var partitions = Enumerable.Range(0, RunEventQueues.Count).Select(p => SuperviseAsync(p, stoppingToken)).ToList();
        var balancing = BalanceAsync(stoppingToken);
        await Task.WhenAll(partitions.Append(balancing)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await Task.WhenAll(_sessions.OfType<EventPartitionSession>().Select(s => s.StopAsync()));
        if (_connection is { } connection)
        {
            await connection.DisposeAsync();
        }
    }

    /// <summary>Keeps one session on the partition, starting a new one (with a growing pause) whenever it ends.</summary>
    private async Task SuperviseAsync(int partition, CancellationToken stoppingToken)
    {
        var queue = RunEventQueues.NameOf(partition);
        var delay = TimeSpan.FromMilliseconds(500);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var connection = await ConnectAsync(stoppingToken);
                var session = await EventPartitionSession.StartAsync(connection, queue, applier, bus, logger, stoppingToken);
                _sessions[partition] = session;
                if (_sessions.All(s => s is not null))
                {
                    _subscribed.TrySetResult();
                }
                delay = TimeSpan.FromMilliseconds(500);
                await session.Completion.WaitAsync(stoppingToken);
                await session.StopAsync();
                logger.LogWarning("Partition {Queue} stopped consuming; subscribing again", queue);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is RabbitMQ.Client.Exceptions.RabbitMQClientException or IOException
                                                  or TimeoutException or OperationCanceledException)
            {
                logger.LogWarning("Partition {Queue} could not subscribe, retrying in {Delay}: {Reason}", queue, delay, exception.Message);
            }
            await Task.Delay(delay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxReconnectDelay.Ticks));
        }
    }

    private async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        await _connecting.WaitAsync(cancellationToken);
        try
        {
            if (_connection is { IsOpen: true } open)
            {
                return open;
            }
            if (_connection is { } closed)
            {
                await closed.DisposeAsync();
            }
            var factory = new ConnectionFactory
            {
                Uri = new Uri(configuration.GetConnectionString(MessagingExtensions.ConnectionName)
                              ?? throw new InvalidOperationException("ConnectionStrings:messaging is not set.")),
                AutomaticRecoveryEnabled = false,
                ClientProvidedName = $"docsfy-api-{ReplicaIdentity.Id}-events",
            };
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            var connection = await factory.CreateConnectionAsync(timeout.Token);
            listening.Connected(() => connection.IsOpen);
            return _connection = connection;
        }
        finally
        {
            _connecting.Release();
        }
    }

    /// <summary>
    /// Announces this replica and, when the set of live replicas changes, steps back on the partitions another one
    /// prefers. The preferred replica never steps back, so it ends up first in line on its partitions and active there.
    /// </summary>
    private async Task BalanceAsync(CancellationToken stoppingToken)
    {
        IReadOnlyList<string> balancedFor = [ReplicaIdentity.Id];
        using var timer = new PeriodicTimer(ReplicaMembership.AnnounceInterval);
        try
        {
            do
            {
                try
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    timeout.CancelAfter(TimeSpan.FromSeconds(5));
                    await bus.Publish(new ApiReplicaAlive(ReplicaIdentity.Id), timeout.Token);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    logger.LogDebug("Could not announce this replica: {Reason}", exception.Message);
                }

                var alive = membership.Alive();
                if (alive.SequenceEqual(balancedFor) || !Subscribed.IsCompleted)
                {
                    continue;
                }
                logger.LogInformation("API replicas alive: {Count}; sharing the {Partitions} event partitions among them",
                    alive.Count, RunEventQueues.Count);
                for (var partition = 0; partition < RunEventQueues.Count; partition++)
                {
                    if (!ReplicaMembership.Prefers(alive, ReplicaIdentity.Id, partition) && _sessions[partition] is { } session)
                    {
                        await YieldAsync(session, partition, stoppingToken);
                    }
                }
                balancedFor = alive;
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task YieldAsync(EventPartitionSession session, int partition, CancellationToken stoppingToken)
    {
        try
        {
            await session.YieldAsync(stoppingToken);
        }
        catch (Exception exception) when (exception is RabbitMQ.Client.Exceptions.RabbitMQClientException or IOException
                                              or TimeoutException)
        {
            // The session's channel is gone; its supervisor subscribes again, at the end of the line anyway.
            logger.LogInformation("Partition {Partition} could not step back: {Reason}", partition, exception.Message);
        }
    }
}

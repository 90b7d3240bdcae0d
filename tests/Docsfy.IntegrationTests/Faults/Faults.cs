using System.Net;
using Docsfy.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Docsfy.IntegrationTests.Faults;

/// <summary>
/// The faults the suite injects, each through the app host as an operator (its resource commands) or the machine (a
/// SIGKILL) would cause it.
/// </summary>
public static class Faults
{
    /// <summary>The local RabbitMQ broker stopped and started again (every connection to it drops).</summary>
    public static readonly Fault BrokerRestart = new("RabbitMQ restarted",
        (host, ct) => RestartAsync(host, "messaging", ct));

    /// <summary>The local PostgreSQL server stopped and started again (every pooled connection breaks).</summary>
    public static readonly Fault DatabaseRestart = new("PostgreSQL restarted",
        (host, ct) => RestartAsync(host, "postgres", ct));

    /// <summary>
    /// One of the two API replicas SIGKILLed while clients hold sockets on both: the clients it held reconnect through
    /// the proxy to the survivor. It stays dead until the runs end, then starts again.
    /// </summary>
    public static readonly Fault ApiReplicaKill = new("API replica killed",
        KillApiReplicaAsync, DropsClients: true);

    /// <summary>
    /// The worker SIGKILLed (the AI tools it started left running, as a crash leaves them) and started again by the app
    /// host's own restart on exit (<c>Worker:RestartOnExit</c>, on in run mode as in a local install; a deployment's
    /// platform does the same). Nothing here starts it: a start of our own would race the app host's.
    /// </summary>
    public static readonly Fault WorkerKill = new("worker killed (SIGKILL) and restarted",
        KillWorkerAsync, KillsWorker: true);

    public static IReadOnlyList<Fault> All { get; } = [WorkerKill, BrokerRestart, DatabaseRestart, ApiReplicaKill];

    private static readonly Func<CancellationToken, Task> NothingToRestore = _ => Task.CompletedTask;

    private static async Task<Func<CancellationToken, Task>> RestartAsync(DocsfyAppHost host, string resource, CancellationToken cancellationToken)
    {
        var commands = host.App.Services.GetRequiredService<ResourceCommandService>();
        var restarted = await commands.ExecuteCommandAsync(resource, KnownResourceCommands.RestartCommand, cancellationToken);
        Assert.True(restarted.Success, $"Restarting {resource}: {restarted.Message}");
        return NothingToRestore;
    }

    private static async Task<Func<CancellationToken, Task>> KillApiReplicaAsync(DocsfyAppHost host, CancellationToken cancellationToken)
    {
        var killed = await ResourceProcesses.KillAsync(host.App, "api", cancellationToken);
        return async restoring =>
        {
            await StoppedAsync(host, killed, restoring);
            var commands = host.App.Services.GetRequiredService<ResourceCommandService>();
            var started = await commands.ExecuteCommandAsync(killed, KnownResourceCommands.StartCommand, restoring);
            Assert.True(started.Success, $"Starting {killed} again: {started.Message}");
            await ServedByEveryReplicaAsync(host, restoring);
        };
    }

    private static async Task<Func<CancellationToken, Task>> KillWorkerAsync(DocsfyAppHost host, CancellationToken cancellationToken)
    {
        var killedPid = WorkerPid(host) ?? throw new Xunit.Sdk.XunitException("The app host reports no worker process to kill.");
        await ResourceProcesses.KillLeavingChildrenAsync(host.App, "worker", cancellationToken);
        // Back when the app host runs a new worker process and it is healthy (its bus connected, so it takes runs).
        while (WorkerPid(host) is not { } pid || pid == killedPid
               || !host.App.ResourceNotifications.TryGetCurrentState("worker", out var current)
               || current.Snapshot.State?.Text != KnownResourceStates.Running)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
        await host.App.ResourceNotifications.WaitForResourceHealthyAsync("worker", cancellationToken);
        return NothingToRestore;
    }

    /// <summary>The process id the app host reports for the (single) worker, if it runs one.</summary>
    private static int? WorkerPid(DocsfyAppHost host) =>
        host.App.ResourceNotifications.TryGetCurrentState("worker", out var current)
        && current.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } pid
            ? Convert.ToInt32(pid, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    /// <summary>
    /// Until the app host has seen the process of <paramref name="resourceId"/> (a resource, or one replica of it) end.
    /// By id, since waiting by name would take any replica's state.
    /// </summary>
    private static async Task StoppedAsync(DocsfyAppHost host, string resourceId, CancellationToken cancellationToken)
    {
        await foreach (var update in host.App.ResourceNotifications.WatchAsync(cancellationToken))
        {
            if ((update.ResourceId == resourceId || update.Resource.Name == resourceId) && update.Snapshot.State?.Text is { } state && state != KnownResourceStates.Running
                && state != KnownResourceStates.Starting)
            {
                return;
            }
        }
    }

    /// <summary>Until a fresh connection can land on every replica again, each answering from the database.</summary>
    private static async Task ServedByEveryReplicaAsync(DocsfyAppHost host, CancellationToken cancellationToken)
    {
        var served = new HashSet<string>();
        while (served.Count < host.ApiReplicas)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                using var client = host.Client();
                var reply = await client.GetAsync("/api/admin/users", DocsfyAppFixture.Admin);
                if (reply.Status == HttpStatusCode.OK && reply.Header("X-Docsfy-Replica") is { } replica)
                {
                    served.Add(replica);
                }
            }
            catch (HttpRequestException)
            {
                // The proxy tried the replica that is still starting.
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }
}

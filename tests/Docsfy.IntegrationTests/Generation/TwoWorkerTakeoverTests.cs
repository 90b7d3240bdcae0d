using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Generation;

/// <summary>
/// With <c>Worker:Replicas=2</c>, a replica killed mid-run does not hold its run up until it comes back: the other
/// replica takes it over after the heartbeat timeout and finishes it from the checkpoint, in the same scratch directory
/// the dead one left its checkout in (docs/design/pipeline.md §12).
/// </summary>
[Collection(TwoWorkersCollection.Name)]
public sealed class TwoWorkerTakeoverTests(TwoWorkersFixture fixture)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_killed_replicas_run_continues_on_the_other_replica_from_its_checkpoint()
    {
        var host = fixture.Host;
        var (name, repository, gate) = ResumeTests.GatedRepository("two-workers");
        var model = FakeAi.UniqueModel();
        using var client = host.Client();
        await using var socket = await HubClient.ConnectSyncedAsync(host, DocsfyAppHost.AdminKey);
        var runId = await ResumeTests.StartAsync(client, repository, model);
        try
        {
            // Two of three pages written; the AI tool writing the third waits at the gate, marked by its replica.
            await Eventually.HoldsAsync(async () => await VariantRows.CountAsync(host,
                    "select count(*) from run_checkpoint_pages where generation_id = @id", ("id", runId)) == 2
                    && FakeAi.Processes(model).Count > 0,
                "2 pages to be checkpointed and the third to be asked for", RunTimeout);
            var dead = ResourceProcesses.WorkerMarkOf(FakeAi.Processes(model)[0])
                ?? throw new Xunit.Sdk.XunitException("The AI tool carries no worker mark.");
            var deadInstance = InstanceOf(host, dead);
            var survivor = Assert.Single(Instances(host), instance => instance != deadInstance);

            // SIGKILL that replica and everything it started, as a crash would end them; its checkout stays behind.
            foreach (var pid in ResourceProcesses.MarkedBy(dead).Append(dead))
            {
                TryKill(pid);
            }
            File.WriteAllText(gate, "");

            var run = await RunWatcher.UntilFinishedAsync(socket, name, RunTimeout);

            Assert.Equal(("ready", null), (run.StatusChange.GetProperty("status").GetString(), ResumeTests.ErrorOf(run.StatusChange)));
            Assert.Equal(3, run.StatusChange.GetProperty("page_count").GetInt32());
            var counts = run.Progress.Select(p => p.GetProperty("page_count").GetInt32()).ToList();
            Assert.Equal(counts.Order(), counts);
            Assert.Contains(run.Progress, p => ResumeTests.ErrorOf(p)?.StartsWith("Resumed after the worker was lost", StringComparison.Ordinal) == true);
            Assert.Equal("2", await VariantRows.ColumnAsync(host, runId, "run_attempt"));
            // The other replica resumed it, with the two pages the dead one had written.
            Assert.Contains(host.Logs.Lines, line => line.StartsWith($"[{survivor}]", StringComparison.Ordinal)
                && line.Contains($"Run {runId} attempt 2 resumes at commit", StringComparison.Ordinal)
                && line.Contains("with 2 pages already written", StringComparison.Ordinal));
        }
        finally
        {
            File.WriteAllText(gate, "");
            FakeAi.Kill(model);
        }
    }

    /// <summary>The worker instances' names, from the lines each logs when it announces itself.</summary>
    private static IReadOnlyList<string> Instances(DocsfyAppHost host) => [.. host.Logs.Lines
        .Where(line => line.StartsWith("[worker-", StringComparison.Ordinal) && line.Contains("announces itself", StringComparison.Ordinal))
        .Select(line => line[1..line.IndexOf(']', StringComparison.Ordinal)])
        .Distinct()];

    /// <summary>The instance whose worker process is <paramref name="pid"/> (its worker id is host-pid-random).</summary>
    private static string InstanceOf(DocsfyAppHost host, int pid) => host.Logs.Lines
        .Where(line => line.StartsWith("[worker-", StringComparison.Ordinal) && line.Contains($"-{pid}-", StringComparison.Ordinal)
            && line.Contains("announces itself", StringComparison.Ordinal))
        .Select(line => line[1..line.IndexOf(']', StringComparison.Ordinal)])
        .FirstOrDefault() ?? throw new Xunit.Sdk.XunitException($"No worker instance announced process {pid}.");

    private static void TryKill(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill();
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            // already gone
        }
    }
}

using System.Globalization;
using System.Net;
using Docsfy.IntegrationTests.Generation;
using Docsfy.IntegrationTests.Infrastructure;
using Npgsql;

namespace Docsfy.IntegrationTests.Faults;

/// <summary>
/// Runs one fault against a working system: several runs in flight (half of them producing pages and events while the
/// fault hits, half held at their first AI call until it is over) and hub clients on every API replica. It then checks
/// what a user would: every run ended <c>ready</c> (a killed worker's runs taken over and resumed from their checkpoints,
/// and every client told so), every client saw how each ended and agrees with the REST read, no client saw a page count
/// go backwards, every client got a fresh <c>sync</c> after the fault, and nothing the worker started (AI tools, git,
/// ssh) or its scratch folders outlived the runs. Every wait is bounded; a broken promise is reported, not
/// thrown, so a soak can count it.
/// </summary>
public static class FaultScenario
{
    private const int ClientsPerReplica = 2;
    private static readonly TimeSpan StartBound = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan FaultBound = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan EndBound = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan SettleBound = TimeSpan.FromMinutes(1);

    private sealed record Run(string Name, string Model, Guid RunId, bool HeldThroughFault);

    public static async Task<FaultOutcome> RunAsync(DocsfyAppHost host, Fault fault, int runCount)
    {
        var gates = Directory.CreateTempSubdirectory("docsfy-fault-gate-").FullName;
        var releasedAtFault = Path.Combine(gates, "during");
        var releasedAfterFault = Path.Combine(gates, "after");
        using var client = host.Client();
        var clients = await WatchingClient.ConnectOnEveryReplicaAsync(host, DocsfyAppHost.AdminKey, ClientsPerReplica);
        var runs = new List<Run>();
        try
        {
            for (var i = 0; i < runCount; i++)
            {
                var heldThroughFault = i % 2 == 1;
                var repository = GitRepositories.Create(DocsfyAppFixture.UniqueName("fault"), new Dictionary<string, string>(GenerationTests.SampleFiles)
                {
                    ["DOCSFY_FAKE_HOLD"] = heldThroughFault ? releasedAfterFault : releasedAtFault,
                });
                var model = FakeAi.UniqueModel();
                var runId = (await client.PostAsync("/api/generate", DocsfyAppFixture.Admin,
                        new { repo_path = repository, ai_provider = "claude", ai_model = model }))
                    .AssertStatus(HttpStatusCode.Accepted).String("generation_id");
                runs.Add(new Run(Path.GetFileName(repository), model, Guid.Parse(runId), heldThroughFault));
            }
            // Mid-run: every run has cloned, planned its way to the AI and waits there at its gate.
            await Eventually.HoldsAsync(() => runs.All(r => FakeAi.Processes(r.Model).Count > 0),
                "every run's first AI call to start", StartBound);
            var workerPids = new HashSet<int>(await WorkerTreeAsync(host));

            File.WriteAllText(releasedAtFault, "");
            Func<CancellationToken, Task> restore;
            using (var faultTimeout = new CancellationTokenSource(FaultBound))
            {
                restore = await fault.InjectAsync(host, faultTimeout.Token);
            }
            var faultOver = DateTime.UtcNow;
            File.WriteAllText(releasedAfterFault, "");

            var problems = new List<string>();
            var ended = await EndedAsync(client, runs, problems);
            var ready = ended.Count(e => e.Value == "ready");
            var stuck = runs.Count(r => ended[r.RunId] is null or "generating");
            if (ready < runs.Count)
            {
                problems.Add($"{runs.Count - ready} of {runs.Count} runs did not end ready: "
                             + string.Join(", ", runs.Where(r => ended[r.RunId] != "ready").Select(r => $"{r.Name} {ended[r.RunId] ?? "unreadable"}")));
            }
            if (stuck > 0)
            {
                problems.Add($"{stuck} runs still generating after {EndBound}");
            }

            // A run taken over (docs/design/pipeline.md §12) is on its second attempt or later.
            var takenOver = new HashSet<Guid>();
            foreach (var run in runs)
            {
                if (await AttemptOfAsync(host, run.RunId) > 1)
                {
                    takenOver.Add(run.RunId);
                }
            }
            var resumed = runs.Count(r => takenOver.Contains(r.RunId) && ended[r.RunId] == "ready");

            var lost = await LostStatusesAsync(clients, runs, ended, problems);
            ProgressSeen(clients, runs, fault, takenOver, problems);
            var resyncs = Resyncs(clients, faultOver, fault, problems);
            await LeftBehindAsync(host, runs, workerPids, problems);

            using (var restoreTimeout = new CancellationTokenSource(FaultBound))
            {
                await restore(restoreTimeout.Token);
            }
            return new FaultOutcome(fault, runs.Count, ready, runs.Count - ready - stuck, resumed, lost, stuck, resyncs, problems);
        }
        finally
        {
            // Whatever happened, release and end the fake AI calls so nothing outlives the scenario.
            File.WriteAllText(releasedAtFault, "");
            File.WriteAllText(releasedAfterFault, "");
            foreach (var run in runs)
            {
                FakeAi.Kill(run.Model);
            }
            await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
            Directory.Delete(gates, recursive: true);
        }
    }

    private static async Task<IReadOnlyList<int>> WorkerTreeAsync(DocsfyAppHost host)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await ResourceProcesses.TreeAsync(host.App, "worker", timeout.Token);
    }

    /// <summary>The run's attempt, read from its variant row (1 for a run never taken over).</summary>
    private static async Task<int> AttemptOfAsync(DocsfyAppHost host, Guid runId)
    {
        for (var tries = 1; ; tries++)
        {
            try
            {
                return int.Parse(await VariantRows.ColumnAsync(host, runId, "run_attempt") ?? "1", CultureInfo.InvariantCulture);
            }
            catch (NpgsqlException) when (tries < 3)
            {
                // Connections this process pooled before PostgreSQL restarted break on first use: drop them, open anew.
                using var stale = new NpgsqlConnection(await host.DatabaseConnectionStringAsync());
                NpgsqlConnection.ClearPool(stale);
            }
        }
    }

    /// <summary>Each run's status by the REST read once none is generating, or as it stood when the bound ran out.</summary>
    private static async Task<Dictionary<Guid, string?>> EndedAsync(DocsfyClient client, List<Run> runs, List<string> problems)
    {
        var statuses = runs.ToDictionary(r => r.RunId, _ => (string?)null);
        var deadline = DateTime.UtcNow + EndBound;
        while (true)
        {
            foreach (var run in runs.Where(r => statuses[r.RunId] is null or "generating"))
            {
                statuses[run.RunId] = await StatusAsync(client, run, problems);
            }
            if (statuses.Values.All(s => s is not (null or "generating")) || DateTime.UtcNow >= deadline)
            {
                return statuses;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    private static async Task<string?> StatusAsync(DocsfyClient client, Run run, List<string> problems)
    {
        try
        {
            var reply = await client.GetAsync($"/api/projects/by-id/{run.RunId}", DocsfyAppFixture.Admin);
            if ((int)reply.Status >= 500 && reply.Header("X-Docsfy-Replica") is not null)
            {
                // The API itself answered with a server error: a fault must never turn into one after it is over.
                problems.Add($"GET by-id of {run.Name}: {(int)reply.Status} {reply.Body}");
            }
            return reply.Status == HttpStatusCode.OK ? reply.String("status") : null;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            // The proxy found no replica to answer (one is dead, the other busy): ask again.
            return null;
        }
    }

    /// <summary>(client, run) pairs where the client, given time to settle, still disagrees with the REST read.</summary>
    private static async Task<int> LostStatusesAsync(List<WatchingClient> clients, List<Run> runs, Dictionary<Guid, string?> ended,
        List<string> problems)
    {
        bool Agrees(WatchingClient c, Run r) => ended[r.RunId] is { } status && c.StatusOf(r.Name) == status;
        var deadline = DateTime.UtcNow + SettleBound;
        while (DateTime.UtcNow < deadline && !clients.All(c => runs.All(r => Agrees(c, r))))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
        var lost = clients.SelectMany(c => runs.Where(r => !Agrees(c, r)).Select(r => (Client: c, Run: r))).ToList();
        foreach (var (c, r) in lost)
        {
            problems.Add($"a client on {c.Replica} believes {r.Name} is {c.StatusOf(r.Name) ?? "unknown"}; the API says {ended[r.RunId] ?? "unreadable"}");
        }
        return lost.Count;
    }

    /// <summary>
    /// What the clients' <c>progress</c> showed: never a page count lower than the one before (through any fault), and,
    /// when the fault killed the worker, every run taken over and every client told it resumed.
    /// </summary>
    private static void ProgressSeen(List<WatchingClient> clients, List<Run> runs, Fault fault, HashSet<Guid> takenOver,
        List<string> problems)
    {
        foreach (var c in clients)
        {
            problems.AddRange(c.PageCountsLowered.Select(lowered => $"a client on {c.Replica} saw {lowered}"));
        }
        if (!fault.KillsWorker)
        {
            return;
        }
        problems.AddRange(runs.Where(r => !takenOver.Contains(r.RunId)).Select(r => $"{r.Name} was never taken over from the killed worker"));
        problems.AddRange(clients.SelectMany(c => runs.Where(r => takenOver.Contains(r.RunId) && !c.SawResumed(r.Name))
            .Select(r => $"a client on {c.Replica} never saw {r.Name} resume")));
    }

    /// <summary>
    /// Per client, from the moment the fault was injected (the process killed, the server back from its restart, or the
    /// killed worker running again) to the first <c>sync</c> after it: a reconnect's, the broker reconnect's, or a run's
    /// end's.
    /// </summary>
    private static List<TimeSpan> Resyncs(List<WatchingClient> clients, DateTime faultOver, Fault fault, List<string> problems)
    {
        var times = new List<TimeSpan>();
        foreach (var c in clients)
        {
            if (!c.Connected)
            {
                problems.Add($"a client that was on {c.Replicas[0]} never reconnected");
            }
            if (c.FirstSyncSince(faultOver) is { } synced)
            {
                times.Add(synced - faultOver);
            }
            else
            {
                problems.Add($"a client on {c.Replica} got no sync after the fault");
            }
        }
        if (fault.DropsClients)
        {
            var moved = clients.Where(c => c.Replicas.Count > 1).ToList();
            if (moved.Count == 0)
            {
                problems.Add("no client lost its socket, so none was shown to reconnect");
            }
            problems.AddRange(moved.Where(c => c.Replica == c.Replicas[0])
                .Select(c => $"a client reconnected to the replica that was killed ({c.Replica})"));
        }
        return times;
    }

    /// <summary>AI tools, git or ssh processes of the worker's, and scratch folders of the runs, still there after a bound.</summary>
    private static async Task LeftBehindAsync(DocsfyAppHost host, List<Run> runs, HashSet<int> workerPids, List<string> problems)
    {
        // The worker that runs now (restarted, maybe) cleans up after the one that died.
        workerPids.UnionWith(await WorkerTreeAsync(host));
        List<int> Processes() => [.. runs.SelectMany(r => FakeAi.Processes(r.Model)).Union(WorkerChildProcesses.MarkedBy(workerPids))];
        List<string> Folders() => [.. runs.Select(r => Path.Combine(host.ScratchDirectory, r.RunId.ToString("N"))).Where(Directory.Exists)];
        var deadline = DateTime.UtcNow + SettleBound;
        while (DateTime.UtcNow < deadline && (Processes().Count > 0 || Folders().Count > 0))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
        if (Processes() is { Count: > 0 } processes)
        {
            problems.Add($"{processes.Count} worker child processes left running: {string.Join(", ", processes)}");
        }
        if (Folders() is { Count: > 0 } folders)
        {
            problems.Add($"{folders.Count} scratch folders left behind: {string.Join(", ", folders)}");
        }
    }
}

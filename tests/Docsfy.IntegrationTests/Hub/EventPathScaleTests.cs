using System.Text.RegularExpressions;
using Docsfy.Contracts;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Hub;

/// <summary>
/// The event path under load through both API replicas: 10,000 events of 200 runs sent at once, with duplicates,
/// reordered pairs and events of runs that do not exist mixed in. Every row ends exactly right, and no client ever sees a
/// run go backwards.
/// </summary>
[Collection(DocsfyCollection.Name)]
public sealed partial class EventPathScaleTests(DocsfyAppFixture fixture)
{
    [GeneratedRegex(@"Partition (generation-events-\d+) is active on replica (\w+)")]
    private static partial Regex ActivePartition();

    private const int Runs = 200;
    private const int EventsPerRun = 50; // 49 progress events and the terminal status
    private const int Pages = EventsPerRun - 5;

    private static readonly string[] Stages = ["cloning", "planning", "generating_pages", "validating", "cross_linking", "rendering"];

    [Fact]
    public async Task Ten_thousand_events_of_200_concurrent_runs_leave_every_row_right_and_every_client_in_order()
    {
        using var client = fixture.Host.Client();
        var owners = new List<Users.Created>();
        for (var i = 0; i < 4; i++)
        {
            owners.Add(await Users.CreateAsync(client, "scale", "user"));
        }
        var prefix = DocsfyAppFixture.UniqueName("scale");
        var runs = new List<(VariantKey Variant, Guid RunId)>();
        for (var i = 0; i < Runs; i++)
        {
            var owner = owners[i % owners.Count].Username;
            var name = $"{prefix}-{i}";
            runs.Add((new VariantKey(name, "main", "cursor", "gpt-5", owner), await VariantRows.InsertAsync(fixture.Host, name, owner, status: "generating")));
        }

        var admins = await HubClient.ConnectOnEveryReplicaAsync(fixture.Host, DocsfyAppHost.AdminKey);
        var ownSockets = await HubClient.ConnectOnEveryReplicaAsync(fixture.Host, owners[0].ApiKey);
        try
        {
            await using var worker = await FakeWorker.StartAsync(fixture.Host);
            // Eight senders at once, each going through its runs' events in turn, as many workers would.
            await Parallel.ForEachAsync(runs.Chunk(Runs / 8), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (chunk, _) =>
            {
                for (var sequence = 1; sequence <= EventsPerRun; sequence++)
                {
                    foreach (var (variant, runId) in chunk)
                    {
                        await SendAsync(worker, variant, runId, sequence);
                    }
                }
            });

            await Eventually.HoldsAsync(async () => await VariantRows.CountAsync(fixture.Host,
                    "select count(*) from variants where name like @prefix and status = 'ready'", ("prefix", prefix + "-%")) == Runs,
                "every run to be ready", TimeSpan.FromMinutes(3));
            foreach (var (_, runId) in runs)
            {
                Assert.Equal("ready", await VariantRows.ColumnAsync(fixture.Host, runId, "status"));
                Assert.Equal(Pages.ToString(), await VariantRows.ColumnAsync(fixture.Host, runId, "page_count"));
                Assert.Equal(EventsPerRun.ToString(), await VariantRows.ColumnAsync(fixture.Host, runId, "last_event_seq"));
                Assert.Equal("{\"plan\":true}", await VariantRows.ColumnAsync(fixture.Host, runId, "plan_json"));
                Assert.Null(await VariantRows.ColumnAsync(fixture.Host, runId, "current_stage"));
                Assert.Null(await VariantRows.ColumnAsync(fixture.Host, runId, "error_message"));
            }

            // Both replicas applied events: the partitions are shared, not all held by the replica that started first.
            var active = fixture.Host.Logs.Lines.Select(line => ActivePartition().Match(line)).Where(m => m.Success)
                .Select(m => (Replica: m.Groups[2].Value, Partition: m.Groups[1].Value)).Distinct().ToList();
            Assert.Equal(fixture.Host.ApiReplicas, active.Select(a => a.Replica).Distinct().Count());

            var ownRuns = runs.Where(r => r.Variant.Owner == owners[0].Username).Select(r => r.Variant.Name).ToHashSet();
            foreach (var socket in admins)
            {
                await AssertEveryRunInOrderAsync(socket, prefix, runs.Select(r => r.Variant.Name).ToHashSet());
            }
            foreach (var socket in ownSockets)
            {
                await AssertEveryRunInOrderAsync(socket, prefix, ownRuns);
            }
        }
        finally
        {
            foreach (var socket in admins.Concat(ownSockets))
            {
                await socket.DisposeAsync();
            }
            foreach (var (_, runId) in runs)
            {
                await VariantRows.DeleteAsync(fixture.Host, runId);
            }
        }
    }

    /// <summary>
    /// Event <paramref name="sequence"/> of a run: the stages in order, pages written one by one, the plan from planning
    /// on, the terminal status last. Every fifth progress goes twice, every seventh is preceded by an already stale one,
    /// and every tenth comes with an event of a run nobody started.
    /// </summary>
    private static async Task SendAsync(FakeWorker worker, VariantKey variant, Guid runId, int sequence)
    {
        if (sequence == EventsPerRun)
        {
            await worker.FinishedAsync(variant, runId, sequence, "ready", Pages, commitSha: "c0ffee");
            return;
        }
        var (stage, pages) = StageOf(sequence);
        var plan = sequence >= 2 ? "{\"plan\":true}" : null;
        if (sequence % 7 == 0)
        {
            await worker.ProgressAsync(variant, runId, sequence - 2, StageOf(sequence - 2).Stage, StageOf(sequence - 2).Pages, plan);
        }
        await worker.ProgressAsync(variant, runId, sequence, stage, pages, plan);
        if (sequence % 5 == 0)
        {
            await worker.ProgressAsync(variant, runId, sequence, stage, pages, plan);
        }
        if (sequence % 10 == 0)
        {
            await worker.ProgressAsync(variant, Guid.NewGuid(), sequence, stage, 1000);
        }
    }

    /// <summary>cloning (1), planning (2), generating_pages with 0…Pages pages (3…Pages+3), then the last three stages.</summary>
    private static (string Stage, int Pages) StageOf(int sequence) => sequence switch
    {
        1 => ("cloning", 0),
        2 => ("planning", 0),
        <= Pages + 3 => ("generating_pages", sequence - 3),
        _ => (Stages[sequence - Pages - 1], Pages),
    };

    /// <summary>
    /// Reads until every expected run's status_change has arrived; for each run, the stages never go back, pages never
    /// go down within a stage, and nothing of the run comes after its status_change. A run of this test that the
    /// socket's user may not see must never arrive.
    /// </summary>
    private static async Task AssertEveryRunInOrderAsync(HubClient socket, string prefix, HashSet<string> expected)
    {
        var last = new Dictionary<string, (int Stage, int Pages, bool Ended)>();
        var ended = 0;
        while (ended < expected.Count)
        {
            var message = await socket.NextAsync(TimeSpan.FromSeconds(60));
            var type = message.GetProperty("type").GetString();
            if (type is not ("progress" or "status_change")
                || message.GetProperty("name").GetString() is not { } name || !name.StartsWith(prefix + "-", StringComparison.Ordinal))
            {
                continue;
            }
            Assert.Contains(name, expected);
            last.TryGetValue(name, out var previous);
            Assert.False(previous.Ended, $"{name}: a {type} after the status_change");
            if (type == "status_change")
            {
                Assert.Equal("ready", message.GetProperty("status").GetString());
                Assert.Equal(Pages, message.GetProperty("page_count").GetInt32());
                last[name] = previous with { Ended = true };
                ended++;
                continue;
            }
            var stage = Array.IndexOf(Stages, message.GetProperty("current_stage").GetString()) + 1;
            var pages = message.GetProperty("page_count").GetInt32();
            Assert.True(stage > previous.Stage || stage == previous.Stage && pages >= previous.Pages,
                $"{name} went back from stage {previous.Stage} with {previous.Pages} pages to stage {stage} with {pages}");
            last[name] = (stage, pages, false);
        }
    }
}

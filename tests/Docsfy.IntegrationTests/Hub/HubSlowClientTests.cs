using System.Text.Json;
using System.Text.RegularExpressions;
using Docsfy.Contracts;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Hub;

/// <summary>
/// A client that stops reading must cost only itself: the others keep receiving, and the server closes it with 1013.
/// (Which of a full queue or a stuck send closes it is shown deterministically by the unit tests of the connection's queue.)
/// </summary>
[Collection(DocsfyCollection.Name)]
public sealed class HubSlowClientTests(DocsfyAppFixture fixture)
{
    private const int Runs = 40;

    [Fact]
    public async Task A_stalled_client_does_not_delay_the_others_and_is_closed_by_the_server()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "stall-owner", "user");
        var runs = new List<(VariantKey Variant, Guid RunId)>();
        for (var i = 0; i < Runs; i++)
        {
            var name = DocsfyAppFixture.UniqueName("stall");
            runs.Add((new VariantKey(name, "main", "cursor", "gpt-5", owner.Username),
                await VariantRows.InsertAsync(fixture.Host, name, owner.Username, status: "generating")));
        }
        try
        {
            await using var stalled = await HubClient.ConnectAsync(fixture.Host, token: owner.ApiKey, stalled: true);
            // It answers every ping without reading, so the heartbeat (1001) can never be what closes it.
            stalled.PongWithoutReading();
            var healthy = await HubClient.ConnectOnEveryReplicaAsync(fixture.Host, owner.ApiKey);
            try
            {
                // One event of ~900 KB per run, 36 MB for each socket: far more than the kernel buffers a stalled reader
                // can hide behind, and nothing to merge (every event is another run's), so the server's sends to it get
                // stuck while the healthy sockets take every event as it comes.
                await using var worker = await FakeWorker.StartAsync(fixture.Host);
                foreach (var (variant, runId) in runs)
                {
                    var plan = JsonSerializer.Serialize(new { project_name = variant.Name, filler = new string('x', 900_000) });
                    await worker.ProgressAsync(variant, runId, 1, "generating_pages", pageCount: 1, planJson: plan);
                }

                foreach (var socket in healthy)
                {
                    var names = new HashSet<string>();
                    while (names.Count < Runs)
                    {
                        var progress = await socket.NextOfTypeAsync("progress", timeout: TimeSpan.FromSeconds(30));
                        names.Add(progress.GetProperty("name").GetString()!);
                    }
                    Assert.True(socket.IsOpen);
                }

                // The server gives up on the stalled socket as too slow (1013). The client cannot be asked: between it
                // and the API sits the app host's proxy, which keeps the client's side open while it holds undelivered
                // bytes. The server's own log says it. Besides it, only sockets the test closed itself (extra ones
                // opened while finding one per replica) have closed, normally (1000).
                var closedWith = new Regex($@"of {Regex.Escape(owner.Username)} closed with (\d+)\b");
                IEnumerable<string> Closes() => fixture.Host.Logs.Lines.Select(line => closedWith.Match(line))
                    .Where(match => match.Success).Select(match => match.Groups[1].Value);
                await Eventually.HoldsAsync(() => Closes().Any(code => code != "1000"), "the server to close the stalled socket",
                    TimeSpan.FromSeconds(60));
                Assert.Equal("1013", Assert.Single(Closes(), code => code != "1000"));
                Assert.All(healthy, socket => Assert.True(socket.IsOpen));
            }
            finally
            {
                foreach (var socket in healthy)
                {
                    await socket.DisposeAsync();
                }
            }
        }
        finally
        {
            // Other tests' admin syncs should not carry this test's large plans.
            foreach (var (_, runId) in runs)
            {
                await VariantRows.DeleteAsync(fixture.Host, runId);
            }
        }
    }
}

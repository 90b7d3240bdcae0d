using System.Text.Json;
using Docsfy.Contracts;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Hub;

/// <summary>
/// A client that stops reading must cost only itself: the others keep receiving, and the server closes it. (Which of a
/// full queue or a stuck send closes it is shown deterministically by the unit tests of the connection's queue.)
/// </summary>
[Collection(DocsfyCollection.Name)]
public sealed class HubSlowClientTests(DocsfyAppFixture fixture)
{
    private const int Events = 20;

    [Fact]
    public async Task A_stalled_client_does_not_delay_the_others_and_is_closed_by_the_server()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "stall-owner", "user");
        var name = DocsfyAppFixture.UniqueName("stall");
        var runId = await VariantRows.InsertAsync(fixture.Host, name, owner.Username, status: "generating");
        var variant = new VariantKey(name, "main", "cursor", "gpt-5", owner.Username);
        try
        {
            await using var stalled = await HubClient.ConnectAsync(fixture.Host, token: owner.ApiKey, stalled: true);
            var healthy = await HubClient.ConnectOnEveryReplicaAsync(fixture.Host, owner.ApiKey);
            try
            {
                // ~18 MB for each socket: far more than the kernel buffers a stalled reader can hide behind, so the
                // server's sends to it get stuck while the healthy sockets take every event as it comes.
                var plan = JsonSerializer.Serialize(new { project_name = name, filler = new string('x', 900_000) });
                await using var worker = await FakeWorker.StartAsync(fixture.Host);
                for (var sequence = 1; sequence <= Events; sequence++)
                {
                    await worker.ProgressAsync(variant, runId, sequence, "generating_pages", pageCount: sequence, planJson: plan);
                }

                foreach (var socket in healthy)
                {
                    // A newer progress may replace an unsent older one, so counts can shrink, never reorder or stop short.
                    var pageCounts = new List<int>();
                    while (pageCounts.LastOrDefault() < Events)
                    {
                        var progress = await socket.NextOfTypeAsync("progress", timeout: TimeSpan.FromSeconds(30));
                        pageCounts.Add(progress.GetProperty("page_count").GetInt32());
                    }
                    Assert.Equal(pageCounts.Order(), pageCounts);
                    Assert.True(socket.IsOpen);
                }

                // The server gives up on the stalled socket (a stuck send, a full queue or unanswered pings: whichever
                // comes first). The client cannot be asked: between it and the API sits the app host's proxy, which
                // keeps the client's side open while it holds undelivered bytes. The server's own log says it.
                await Eventually.HoldsAsync(() => fixture.Host.Logs.Lines.Any(line =>
                        line.Contains("Closing hub connection", StringComparison.Ordinal)
                        && line.Contains($"of {owner.Username}: ", StringComparison.Ordinal)),
                    "the server to close the stalled socket", TimeSpan.FromSeconds(30));
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
            // Other tests' admin syncs should not carry this test's large plan.
            await VariantRows.DeleteAsync(fixture.Host, runId);
        }
    }
}

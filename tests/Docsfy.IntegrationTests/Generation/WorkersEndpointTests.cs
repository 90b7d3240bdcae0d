using System.Net;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Generation;

/// <summary><c>GET /api/workers</c>: admins see each live worker, what it runs and which providers it can run.</summary>
[Collection(DocsfyCollection.Name)]
public sealed class WorkersEndpointTests(DocsfyAppFixture fixture)
{
    [Fact]
    public async Task Admins_see_the_live_worker_with_its_capacity_and_providers_and_nobody_else_does()
    {
        using var client = fixture.Host.Client();
        var user = await Users.CreateAsync(client, "workers-user", "user");
        var viewer = await Users.CreateAsync(client, "workers-viewer", "viewer");

        // A freshly started app host knows its worker from the worker's first announcement on.
        await Eventually.HoldsAsync(async () => (await client.GetAsync("/api/workers", DocsfyAppFixture.Admin))
            .Json.GetProperty("workers").GetArrayLength() > 0, "the worker to announce itself", TimeSpan.FromMinutes(1));
        var workers = (await client.GetAsync("/api/workers", DocsfyAppFixture.Admin)).AssertStatus(HttpStatusCode.OK)
            .Json.GetProperty("workers");
        var worker = Assert.Single(workers.EnumerateArray());
        Assert.False(string.IsNullOrEmpty(worker.GetProperty("id").GetString()));
        Assert.Equal(worker.GetProperty("max_concurrent_runs").GetInt32() - worker.GetProperty("runs_in_progress").GetInt32(),
            worker.GetProperty("free_slots").GetInt32());
        // The tests' fake claude is installed on the worker, the others are not; offline needs nothing.
        var providers = worker.GetProperty("providers").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Contains("claude", providers);
        Assert.Contains("offline", providers);
        Assert.DoesNotContain("cursor", providers);
        Assert.Equal("Healthy", (await client.GetAsync("/health")).Body);

        (await client.GetAsync("/api/workers", user.Bearer)).AssertError(HttpStatusCode.Forbidden);
        (await client.GetAsync("/api/workers", viewer.Bearer)).AssertError(HttpStatusCode.Forbidden);
        (await client.GetAsync("/api/workers")).AssertError(HttpStatusCode.Unauthorized);
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Topology;

[Collection(DocsfyCollection.Name)]
public sealed partial class ReplicaTests(DocsfyAppFixture fixture)
{
    [Fact]
    public async Task Both_api_replicas_serve_requests_from_one_database_and_exactly_one_applied_the_schema()
    {
        // Every response names the replica that served it. A fresh connection per request lets the proxy in front of the
        // replicas choose again, so both must show up, each answering from the database (the user list is a query).
        var served = new HashSet<string>();
        for (var attempt = 0; attempt < 40 && served.Count < fixture.Host.ApiReplicas; attempt++)
        {
            using var client = fixture.Host.Client();
            var reply = (await client.GetAsync("/api/admin/users", DocsfyAppFixture.Admin)).AssertStatus(HttpStatusCode.OK);
            served.Add(reply.Header("X-Docsfy-Replica") ?? throw new Xunit.Sdk.XunitException("A response without X-Docsfy-Replica."));
        }
        Assert.Equal(2, served.Count);

        // Both replicas ran the migrator against the same database at start-up; the advisory lock let exactly one apply
        // the migrations, each once, and the other found nothing left to do.
        var lines = fixture.Host.Logs.Lines.ToList();
        var apiInstances = lines.Select(l => ResourcePrefix().Match(l)).Where(m => m.Success && m.Groups[1].Value.StartsWith("api-", StringComparison.Ordinal))
            .Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Equal(2, apiInstances.Count);
        var applied = lines.Select(l => AppliedMigration().Match(l)).Where(m => m.Success).ToList();
        var appliers = applied.Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Single(appliers);
        Assert.Contains(appliers[0], apiInstances);
        var recorded = await VariantRows.CountAsync(fixture.Host, "select count(*) from schema_migrations");
        Assert.True(recorded > 0);
        Assert.Equal(Enumerable.Range(1, (int)recorded), applied.Select(m => int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [GeneratedRegex(@"\A\[([^\]]+)\] ")]
    private static partial Regex ResourcePrefix();

    [GeneratedRegex(@"\A\[([^\]]+)\] .*Applied migration (\d+) ")]
    private static partial Regex AppliedMigration();
}

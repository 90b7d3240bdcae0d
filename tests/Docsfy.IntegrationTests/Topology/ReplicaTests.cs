using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Topology;

[Collection(DocsfyCollection.Name)]
public sealed class ReplicaTests(DocsfyAppFixture fixture)
{
    [Fact]
    public async Task Two_api_replicas_start_on_one_database_and_the_schema_is_applied_exactly_once()
    {
        // Start-up already waited for two healthy API instances; both ran the migrator against the same database.
        Assert.Equal(2, fixture.Host.ApiReplicas);
        var migrationLines = fixture.Host.Logs.Lines.Where(l => l.Contains("Applied migration", StringComparison.Ordinal)).ToList();
        var versions = await VariantRows.CountAsync(fixture.Host, "select count(*) from schema_migrations");
        Assert.True(versions > 0);
        Assert.Equal(versions, await VariantRows.CountAsync(fixture.Host, "select count(distinct version) from schema_migrations"));
        // Each version was applied by one replica only: one log line per version across both replicas' output.
        Assert.Equal(versions, migrationLines.Count);
        // And neither replica tripped over the other (PostgreSQL's own log is left out: other tests provoke conflicts on purpose).
        var apiLines = fixture.Host.Logs.Lines.Where(l => l.StartsWith("[api-", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(apiLines);
        Assert.DoesNotContain(apiLines, l => l.Contains("duplicate key", StringComparison.OrdinalIgnoreCase)
                                          || l.Contains("already exists", StringComparison.OrdinalIgnoreCase));
    }
}

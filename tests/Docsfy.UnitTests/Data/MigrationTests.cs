using Docsfy.Schema;

namespace Docsfy.UnitTests.Data;

public sealed class MigrationTests
{
    [Fact]
    public void Embedded_migrations_are_numbered_from_one_without_gaps()
    {
        var migrations = Migration.All;
        Assert.NotEmpty(migrations);
        Assert.Equal(Enumerable.Range(1, migrations.Count), migrations.Select(m => m.Version));
        Assert.All(migrations, m => Assert.False(string.IsNullOrWhiteSpace(m.Sql)));
    }

    [Fact]
    public void Migrations_only_create_what_is_missing()
    {
        // Applied under the version table, but also safe to re-run by hand after a partial manual repair.
        foreach (var migration in Migration.All)
        {
            var creates = System.Text.RegularExpressions.Regex.Matches(migration.Sql, @"create (unique )?(table|index) (?!if not exists)");
            Assert.Empty(creates);
        }
    }
}

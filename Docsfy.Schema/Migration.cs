using System.Reflection;
using System.Text.RegularExpressions;

namespace Docsfy.Schema;

/// <summary>One versioned schema change, embedded as <c>Migrations/NNNN_name.sql</c>.</summary>
public sealed partial record Migration(int Version, string Name, string Sql)
{
    private static readonly Lazy<IReadOnlyList<Migration>> Embedded = new(() => LoadEmbedded(typeof(Migration).Assembly));

    /// <summary>Every migration of this build, in version order.</summary>
    public static IReadOnlyList<Migration> All => Embedded.Value;

    /// <summary>The schema version this build expects: the highest migration it carries.</summary>
    public static int LatestVersion => All[^1].Version;

    public static IReadOnlyList<Migration> LoadEmbedded(Assembly assembly)
    {
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = ResourceName().Match(resource);
            if (!match.Success)
            {
                continue;
            }
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(int.Parse(match.Groups["version"].Value), match.Groups["name"].Value, reader.ReadToEnd()));
        }

        var duplicates = migrations.GroupBy(m => m.Version).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            throw new InvalidOperationException($"Duplicate migration versions: {string.Join(", ", duplicates)}");
        }
        return [.. migrations.OrderBy(m => m.Version)];
    }

    [GeneratedRegex(@"\.Migrations\.(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql\z")]
    private static partial Regex ResourceName();
}

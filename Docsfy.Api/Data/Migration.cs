using System.Reflection;
using System.Text.RegularExpressions;

namespace Docsfy.Api.Data;

/// <summary>One versioned schema change, embedded as <c>Data/Migrations/NNNN_name.sql</c>.</summary>
public sealed partial record Migration(int Version, string Name, string Sql)
{
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

    [GeneratedRegex(@"\.Data\.Migrations\.(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql\z")]
    private static partial Regex ResourceName();
}

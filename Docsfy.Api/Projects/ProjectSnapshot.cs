using Docsfy.Api.Auth;

namespace Docsfy.Api.Projects;

/// <summary>
/// What a user sees of all projects at one moment: the body of <c>GET /api/projects</c> and of the hub's <c>sync</c>.
/// </summary>
public sealed record ProjectSnapshot(
    IReadOnlyList<VariantView> Projects,
    IReadOnlyDictionary<string, IReadOnlyList<string>> KnownModels,
    IReadOnlyDictionary<string, IReadOnlyList<string>> KnownBranches)
{
    /// <param name="caller">Whose snapshot this is.</param>
    /// <param name="visible">The variants the caller may see, already filtered by <see cref="ProjectStore"/>.</param>
    /// <param name="ready">Every ready variant of every owner.</param>
    public static ProjectSnapshot Create(Caller caller, IReadOnlyList<VariantView> visible, IEnumerable<ReadyVariant> ready)
    {
        var readyList = ready as IReadOnlyCollection<ReadyVariant> ?? [.. ready];
        return new ProjectSnapshot(
            [.. visible.OrderByDescending(v => v.UpdatedAt, StringComparer.Ordinal)],
            KnownModelsOf(readyList),
            KnownBranchesOf(caller, readyList));
    }

    /// <summary>Model names of ready variants by provider, across all owners: model names are not private.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> KnownModelsOf(IEnumerable<ReadyVariant> ready) =>
        Group(ready.Select(v => (v.AiProvider, v.AiModel)));

    /// <summary>Ready branches by project name: every owner's for admins, only their own for everyone else.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> KnownBranchesOf(Caller caller, IEnumerable<ReadyVariant> ready) =>
        Group(ready
            .Where(v => caller.IsAdmin || string.Equals(v.Owner, caller.Username, StringComparison.OrdinalIgnoreCase))
            .Select(v => (v.Name, v.Branch)));

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> Group(IEnumerable<(string Key, string Value)> pairs) =>
        pairs
            .Where(p => p.Key.Length > 0 && p.Value.Length > 0)
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<string>)[.. g.Select(p => p.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                StringComparer.Ordinal);
}

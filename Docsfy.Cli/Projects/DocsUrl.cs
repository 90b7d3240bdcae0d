namespace Docsfy.Cli.Projects;

/// <summary>Where a variant's (or a project's newest) published site is served.</summary>
public static class DocsUrl
{
    public static Uri For(Uri server, VariantId variant, string? me)
    {
        var path = $"docs/{ApiPaths.Segment(variant.Name)}/{ApiPaths.Segment(variant.Branch)}/{ApiPaths.Segment(variant.Provider)}/{ApiPaths.Segment(variant.Model)}/";
        // Without ?owner= the server picks the caller's own variant first; someone else's needs naming.
        var owner = me is not null && string.Equals(me, variant.Owner, StringComparison.OrdinalIgnoreCase) ? null : variant.Owner;
        return new Uri(server, ApiPaths.WithOwner(path, owner));
    }

    public static Uri Newest(Uri server, string name, string? owner) =>
        new(server, ApiPaths.WithOwner($"docs/{ApiPaths.Segment(name)}/", owner));
}

namespace Docsfy.Cli.Projects;

/// <summary>API paths with every user-given segment escaped, so a name can never add a segment or a query.</summary>
public static class ApiPaths
{
    public static string Segment(string value) => Uri.EscapeDataString(value);

    public static string Project(string name) => $"api/projects/{Segment(name)}";

    public static string Variant(VariantId variant) =>
        $"api/projects/{Segment(variant.Name)}/{Segment(variant.Branch)}/{Segment(variant.Provider)}/{Segment(variant.Model)}";

    public static string WithOwner(string path, string? owner) => owner is null ? path : $"{path}?owner={Segment(owner)}";
}

using Docsfy.Contracts;

namespace Docsfy.Api.Search;

/// <summary>Where <c>/docs</c> serves a file of a variant's published site, naming the owner so the link is unambiguous.</summary>
public static class DocsUrls
{
    public static string Of(VariantKey variant, string path) =>
        $"/docs/{Uri.EscapeDataString(variant.Name)}/{Uri.EscapeDataString(variant.Branch)}/"
        + $"{Uri.EscapeDataString(variant.Provider)}/{Uri.EscapeDataString(variant.Model)}/{path}"
        + $"?owner={Uri.EscapeDataString(variant.Owner)}";
}

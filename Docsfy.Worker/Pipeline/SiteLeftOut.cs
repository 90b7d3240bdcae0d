namespace Docsfy.Worker.Pipeline;

/// <summary>
/// What a site left out because a limit was reached, as one short text for the run's result: the plan's own cuts (guides,
/// folders), a repository too large to list whole, and the referenced images that were not copied. Bounded, since it is
/// stored with the variant and sent to every dashboard.
/// </summary>
public static class SiteLeftOut
{
    public const int MaxLength = 600;
    private const int ImagesNamed = 3;

    /// <returns>Null when nothing was left out.</returns>
    public static string? Describe(RepositorySnapshot repository, IReadOnlyList<string>? planLeftOut, IReadOnlyCollection<string> imagesLeftOut)
    {
        var parts = new List<string>(planLeftOut ?? []);
        if (repository.FilesTruncated)
        {
            parts.Add($"only the first {repository.Files.Count:N0} files of the repository were read");
        }
        if (imagesLeftOut.Count > 0)
        {
            var named = string.Join("; ", imagesLeftOut.Take(ImagesNamed));
            var more = imagesLeftOut.Count > ImagesNamed ? $"; and {imagesLeftOut.Count - ImagesNamed} more" : "";
            parts.Add($"{imagesLeftOut.Count} referenced {(imagesLeftOut.Count == 1 ? "image" : "images")} not copied ({named}{more})");
        }
        if (parts.Count == 0)
        {
            return null;
        }
        var text = string.Join("; ", parts) + ".";
        return text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";
    }
}

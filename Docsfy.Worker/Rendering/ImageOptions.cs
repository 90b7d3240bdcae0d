namespace Docsfy.Worker.Rendering;

/// <summary>
/// Limits on the repository images a site copies (section <c>Rendering:Images</c>). Site files live in PostgreSQL and are
/// sent whole to browsers, so one image and a site's images together are bounded; what does not fit keeps its alt text
/// and the run says what was left out.
/// </summary>
public sealed class ImageOptions
{
    public const string Section = "Rendering:Images";

    /// <summary>The largest image copied, in bytes.</summary>
    public long MaxImageBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>All images of one site together, in bytes.</summary>
    public long MaxTotalBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>Distinct images one site copies.</summary>
    public int MaxImages { get; set; } = 200;
}

using System.Reflection;

namespace Docsfy.Worker.Rendering;

/// <summary>
/// The site's static stylesheet and scripts. They live as real files in Rendering/Assets (embedded in the assembly) so
/// they can be edited as CSS and JavaScript; every page references them, because the docs are served with a
/// Content-Security-Policy that forbids inline scripts and styles.
/// </summary>
internal static class SiteAssets
{
    public const string Stylesheet = "assets/style.css";
    public const string ThemeScript = "assets/theme.js";
    public const string SearchScript = "assets/search.js";
    public const string MenuScript = "assets/menu.js";

    public static IReadOnlyList<SiteFile> Files { get; } =
    [
        Load(Stylesheet, ContentTypes.Css),
        Load(SearchScript, ContentTypes.JavaScript),
        Load(ThemeScript, ContentTypes.JavaScript),
        Load(MenuScript, ContentTypes.JavaScript),
    ];

    private static SiteFile Load(string path, string contentType)
    {
        var name = "Docsfy.Worker.Rendering." + path.Replace("assets/", "Assets.", StringComparison.Ordinal);
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded site asset {name} is missing from the build.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return new SiteFile(path, contentType, bytes.ToArray());
    }
}

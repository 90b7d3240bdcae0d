using System.Text;

namespace Docsfy.Worker.Rendering;

/// <summary>
/// The image formats a site copies from its repository, told apart by their extension and confirmed by their first
/// bytes, so a file named <c>.png</c> that is really HTML is never served as anything. SVG is served as
/// <c>image/svg+xml</c> (pages show it through <c>&lt;img&gt;</c>, which runs no script) and is never inlined.
/// </summary>
public static class ImageFormats
{
    public const string Svg = "image/svg+xml";

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".svg"] = Svg,
    };

    /// <summary>The content type of a path by its extension, when it is an image format a site copies.</summary>
    public static string? ContentTypeOf(string path) => ByExtension.GetValueOrDefault(Path.GetExtension(path));

    /// <summary>The extension a copy is stored under, one per content type.</summary>
    public static string ExtensionOf(string contentType) => contentType switch
    {
        "image/png" => ".png",
        "image/jpeg" => ".jpg",
        "image/gif" => ".gif",
        "image/webp" => ".webp",
        _ => ".svg",
    };

    /// <summary>True when the bytes start as files of <paramref name="contentType"/> do.</summary>
    public static bool Matches(string contentType, ReadOnlySpan<byte> bytes) => contentType switch
    {
        "image/png" => bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]),
        "image/jpeg" => bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        "image/gif" => bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8),
        "image/webp" => bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8),
        Svg => IsSvg(bytes),
        _ => false,
    };

    // An SVG is XML text whose root element is <svg>: after an optional byte-order mark, XML declaration, comments and
    // doctype, the first element must be svg. Anything else (an HTML page renamed .svg) is refused.
    private static bool IsSvg(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Contains((byte)0))
        {
            return false;
        }
        var head = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 4096)]).TrimStart('\uFEFF');
        var at = 0;
        while (true)
        {
            while (at < head.Length && char.IsWhiteSpace(head[at]))
            {
                at++;
            }
            if (Skip(head, ref at, "<?", "?>") || Skip(head, ref at, "<!--", "-->") || Skip(head, ref at, "<!DOCTYPE", ">"))
            {
                continue;
            }
            return string.CompareOrdinal(head, at, "<svg", 0, 4) == 0
                   && at + 4 < head.Length && (char.IsWhiteSpace(head[at + 4]) || head[at + 4] is '>' or '/');
        }
    }

    private static bool Skip(string text, ref int at, string open, string close)
    {
        if (string.Compare(text, at, open, 0, open.Length, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return false;
        }
        var end = text.IndexOf(close, at + open.Length, StringComparison.Ordinal);
        // An unterminated prolog never reaches an <svg> root.
        at = end < 0 ? text.Length : end + close.Length;
        return end >= 0;
    }
}

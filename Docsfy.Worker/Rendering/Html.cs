using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Docsfy.Worker.Rendering;

/// <summary>
/// The one encoder every generated page goes through. Every plan-derived string (names, titles, descriptions, slugs) is
/// AI output or repository content: hostile until encoded.
/// </summary>
internal static class Html
{
    /// <summary>
    /// <see cref="HtmlEncoder"/> with every Unicode range allowed, so text in any language stays readable in the page's
    /// source; what HTML gives meaning to (<c>&amp; &lt; &gt; " ' +</c>) and what is not safe to write raw is still
    /// encoded, the same in text and in quoted attribute values.
    /// </summary>
    public static HtmlEncoder Encoder { get; } = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Markup this code vouches for: produced by the Markdown renderer (which encodes on its own) or written here.</summary>
    public static TrustedHtml Trusted(string markup) => new(markup);
}

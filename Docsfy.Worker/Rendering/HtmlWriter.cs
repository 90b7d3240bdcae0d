using System.Runtime.CompilerServices;
using System.Text;

namespace Docsfy.Worker.Rendering;

/// <summary>
/// Builds an HTML page from interpolated strings whose literal parts are markup and whose holes are text: every string
/// hole is encoded by <see cref="Html.Encoder"/> unless it is <see cref="TrustedHtml"/>. It accepts nothing but
/// interpolated strings and trusted markup, so no interpolation can forget to escape.
/// </summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder _html = new();

    public void Append([InterpolatedStringHandlerArgument("")] ref HtmlInterpolatedStringHandler html)
    {
        // The handler has already written into this writer, piece by piece.
    }

    public void Append(TrustedHtml markup) => _html.Append(markup.Markup);

    public override string ToString() => _html.ToString();

    internal void AppendMarkup(string markup) => _html.Append(markup);

    internal void AppendText(string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            _html.Append(Html.Encoder.Encode(text));
        }
    }
}

using System.Globalization;
using System.Runtime.CompilerServices;

namespace Docsfy.Worker.Rendering;

/// <summary>
/// The holes of <see cref="HtmlWriter.Append(ref HtmlInterpolatedStringHandler)"/>: literals are markup, strings are
/// encoded, <see cref="TrustedHtml"/> is not, numbers are written invariantly. Other types have no overload, so a hole
/// of some other type does not compile instead of being written by its <c>ToString()</c> unencoded.
/// </summary>
[InterpolatedStringHandler]
internal ref struct HtmlInterpolatedStringHandler
{
    private readonly HtmlWriter _writer;

    public HtmlInterpolatedStringHandler(int literalLength, int formattedCount, HtmlWriter writer)
    {
        _ = literalLength;
        _ = formattedCount;
        _writer = writer;
    }

    public readonly void AppendLiteral(string markup) => _writer.AppendMarkup(markup);

    public readonly void AppendFormatted(string? text) => _writer.AppendText(text);

    public readonly void AppendFormatted(TrustedHtml markup) => _writer.AppendMarkup(markup.Markup);

    public readonly void AppendFormatted(int number) => _writer.AppendMarkup(number.ToString(CultureInfo.InvariantCulture));
}

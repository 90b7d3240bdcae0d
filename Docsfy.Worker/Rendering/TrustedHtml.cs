namespace Docsfy.Worker.Rendering;

/// <summary>
/// Markup that is already HTML, and so goes into a page as is. The only way past <see cref="HtmlWriter"/>'s encoding, made
/// only through <see cref="Html.Trusted"/> so that every such place can be found.
/// </summary>
internal readonly record struct TrustedHtml(string Markup)
{
    public static TrustedHtml Empty { get; } = new("");
}

namespace Docsfy.Worker.Rendering;

/// <summary>The content types a site's files are stored and served with.</summary>
public static class ContentTypes
{
    public const string Html = "text/html; charset=utf-8";
    public const string Markdown = "text/markdown; charset=utf-8";
    public const string Json = "application/json";
    public const string Css = "text/css";
    public const string JavaScript = "text/javascript";
    public const string PlainText = "text/plain; charset=utf-8";
}

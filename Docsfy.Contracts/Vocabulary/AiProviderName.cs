namespace Docsfy.Contracts;

/// <summary>The AI providers the workers implement, as runs name them (<c>ai_provider</c>).</summary>
public static class AiProviderName
{
    public const string Claude = "claude";
    public const string Gemini = "gemini";
    public const string Cursor = "cursor";
    public const string OpenAi = "openai";

    /// <summary>Writes no text with AI: pages come from the repository's own Markdown.</summary>
    public const string Offline = "offline";

    /// <summary>The one model of <see cref="Offline"/>.</summary>
    public const string OfflineModel = "markdown";

    public static IReadOnlyList<string> All { get; } = [Claude, Gemini, Cursor, OpenAi, Offline];
}

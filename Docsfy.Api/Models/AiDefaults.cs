namespace Docsfy.Api.Models;

/// <summary>The AI provider and model a run uses when the request names none (<c>AI_PROVIDER</c>, <c>AI_MODEL</c>).</summary>
public sealed class AiDefaults
{
    public string Provider { get; set; } = "cursor";

    public string Model { get; set; } = "gpt-5.4-xhigh-fast";

    /// <summary>Every provider the workers implement.</summary>
    public static IReadOnlyList<string> Providers { get; } = ["claude", "gemini", "cursor", "openai", "offline"];
}

using Docsfy.Contracts;

namespace Docsfy.Api.Models;

/// <summary>One provider the workers implement: its model when a run names none, and what a worker needs to run it.</summary>
/// <param name="DefaultModel">Null when the provider has no sensible default (an OpenAI-compatible endpoint serves any model).</param>
/// <param name="Needs">Said to users and operators when the provider is not available.</param>
public sealed record AiProviderInfo(string Name, string? DefaultModel, string Needs)
{
    public const string Offline = AiProviderName.Offline;

    /// <summary>The one model of <c>offline</c>: it writes no text, so there is nothing else to choose.</summary>
    public const string OfflineModel = AiProviderName.OfflineModel;

    /// <summary>Every provider the workers implement, in the order the dashboard offers them.</summary>
    public static IReadOnlyList<AiProviderInfo> All { get; } =
    [
        new(AiProviderName.Claude, "sonnet", "the claude CLI, logged in, on the workers"),
        new(AiProviderName.Gemini, "gemini-2.5-pro", "the gemini CLI, logged in, on the workers"),
        new(AiProviderName.Cursor, "gpt-5.4-xhigh-fast", "the cursor-agent CLI, logged in, on the workers"),
        new(AiProviderName.OpenAi, null, "an OpenAI-compatible endpoint in the workers' configuration (Ai:OpenAI:Endpoint)"),
        new(Offline, OfflineModel, "nothing"),
    ];

    static AiProviderInfo()
    {
        // Every name the workers implement has its entry here, and nothing else does.
        if (!All.Select(provider => provider.Name).SequenceEqual(AiProviderName.All))
        {
            throw new InvalidOperationException("AiProviderInfo.All must describe exactly AiProviderName.All, in order.");
        }
    }

    public static AiProviderInfo? Find(string name) => All.FirstOrDefault(provider => provider.Name == name);
}

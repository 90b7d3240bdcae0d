namespace Docsfy.Api.Models;

/// <summary>
/// The AI provider and model a run uses when the request names none (<c>AI_PROVIDER</c>, <c>AI_MODEL</c>), and which
/// providers the workers can run (<c>AI_AVAILABLE_PROVIDERS</c>). Until workers report the tools they have, the operator
/// says so here: a provider not listed is refused at <c>POST /api/generate</c> instead of failing after the clone.
/// </summary>
public sealed class AiDefaults
{
    public string Provider { get; set; } = "cursor";

    public string Model { get; set; } = "gpt-5.4-xhigh-fast";

    /// <summary>The providers the workers can run besides <c>offline</c>, which needs nothing and is always available.</summary>
    public HashSet<string> Available { get; } = new(StringComparer.Ordinal);

    /// <summary>Every provider the workers implement.</summary>
    public static IReadOnlyList<string> Providers { get; } = [.. AiProviderInfo.All.Select(provider => provider.Name)];

    public bool IsAvailable(string provider) => provider == AiProviderInfo.Offline || Available.Contains(provider);

    /// <summary>The model a run of <paramref name="provider"/> uses when it names none; null when it must name one.</summary>
    public string? DefaultModelOf(string provider) =>
        provider == Provider && provider != AiProviderInfo.Offline ? Model : AiProviderInfo.Find(provider)?.DefaultModel;

    /// <summary>Why <paramref name="provider"/> cannot run here and what to do about it; null when it can.</summary>
    public string? UnavailableReason(string provider) => IsAvailable(provider) || AiProviderInfo.Find(provider) is not { } info
        ? null
        : $"It needs {info.Needs}, and an operator must list '{provider}' in AI_AVAILABLE_PROVIDERS.";
}

using Docsfy.Contracts;

namespace Docsfy.Worker.Ai;

/// <summary>The registered providers by name, case-insensitively (<c>ai_provider</c> comes from users).</summary>
internal sealed class AiProviderCatalog(IEnumerable<IAiProvider> providers) : IAiProviderCatalog
{
    private readonly Dictionary<string, IAiProvider> _byName =
        providers.ToDictionary(provider => provider.Name, StringComparer.OrdinalIgnoreCase);

    public IAiProvider? Find(string name) => _byName.GetValueOrDefault(name);

    public IReadOnlyList<string> ReadyProviders() =>
        [.. _byName.Values.Where(provider => provider.IsReady).Select(provider => provider.Name), AiProviderName.Offline];
}

namespace Docsfy.Worker.Ai;

/// <summary>The providers this worker knows, by name.</summary>
public interface IAiProviderCatalog
{
    /// <summary>The provider, or null when the name is unknown.</summary>
    IAiProvider? Find(string name);

    /// <summary>The names of the providers this worker can run now, <c>offline</c> included (it needs nothing).</summary>
    IReadOnlyList<string> ReadyProviders();
}

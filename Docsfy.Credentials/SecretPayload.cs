using System.Text.Json.Serialization;

namespace Docsfy.Credentials;

/// <summary>What is protected (encrypted) for one project; nothing else of a credential is secret.</summary>
internal sealed record SecretPayload(
    [property: JsonPropertyName("secret")] string Secret,
    [property: JsonPropertyName("known_hosts")] string? KnownHosts);

namespace Docsfy.Credentials;

/// <summary>What may be shown of a stored credential: never the secret.</summary>
public sealed record CredentialSummary(string Kind, string? Username, DateTimeOffset SetAt, string Fingerprint);

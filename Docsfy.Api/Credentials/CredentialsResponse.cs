using System.Text.Json.Serialization;

namespace Docsfy.Api.Credentials;

/// <summary>What the API shows of a project's credentials: never the secret, only its kind, when and a fingerprint.</summary>
/// <param name="Fingerprint">
/// For a token, <c>SHA256:</c> and the start of the token's SHA-256 (enough to tell two tokens apart); for an ssh key, its
/// public key's fingerprint as <c>ssh-keygen -l</c> prints it.
/// </param>
public sealed record CredentialsResponse(
    string Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Username,
    string SetAt,
    string Fingerprint);

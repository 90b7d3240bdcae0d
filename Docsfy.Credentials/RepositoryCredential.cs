namespace Docsfy.Credentials;

/// <summary>
/// A project's repository credential in clear, only ever held in memory by the process that uses it. A class, not a
/// record: a record would print its secret in <see cref="object.ToString"/> (and so in any log or exception that
/// formats it, or a record holding it).
/// </summary>
public sealed class RepositoryCredential
{
    private RepositoryCredential(string kind, string? username, string secret, string? knownHosts)
    {
        Kind = kind;
        Username = username;
        Secret = secret;
        KnownHosts = knownHosts;
    }

    /// <summary><see cref="CredentialKind.HttpsToken"/> or <see cref="CredentialKind.SshKey"/>.</summary>
    public string Kind { get; }

    /// <summary>The HTTPS username; null for an ssh key.</summary>
    public string? Username { get; }

    /// <summary>The token, or the ssh private key (OpenSSH format).</summary>
    public string Secret { get; }

    /// <summary>The known_hosts lines the ssh host key must match; null to use the worker's own known_hosts.</summary>
    public string? KnownHosts { get; }

    public static RepositoryCredential Token(string username, string token) =>
        new(CredentialKind.HttpsToken, username, token, null);

    public static RepositoryCredential SshKey(string privateKey, string? knownHosts) =>
        new(CredentialKind.SshKey, null, privateKey, knownHosts);

    public override string ToString() => $"{Kind} credential (secret withheld)";
}

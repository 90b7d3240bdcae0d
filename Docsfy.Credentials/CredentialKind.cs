namespace Docsfy.Credentials;

/// <summary>The kinds of repository credentials, as the API and the <c>project_credentials.kind</c> column spell them.</summary>
public static class CredentialKind
{
    /// <summary>A username and an access token, sent as HTTP Basic authentication over https.</summary>
    public const string HttpsToken = "https_token";

    /// <summary>An ssh private key (a deploy key), optionally with the host's known_hosts line.</summary>
    public const string SshKey = "ssh_key";
}

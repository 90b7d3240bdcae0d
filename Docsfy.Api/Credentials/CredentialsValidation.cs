using Docsfy.Api.Http;
using Docsfy.Credentials;

namespace Docsfy.Api.Credentials;

/// <summary>
/// Checks a <see cref="CredentialsRequest"/> strictly, before anything is stored. Errors name the field and the rule it
/// broke, never the value: a mistyped token must not come back in an answer a proxy or browser may keep.
/// </summary>
internal static class CredentialsValidation
{
    public const int MaxUsernameLength = 256;
    public const int MaxTokenLength = 4096;
    public const int MaxPrivateKeyLength = 16 * 1024;
    public const int MaxKnownHostsLength = 16 * 1024;
    public const int MaxKnownHostsLines = 32;

    /// <param name="tokenFingerprint">How a token is fingerprinted: keyed by the server (<c>CredentialHasher</c>).</param>
    public static (RepositoryCredential? Credential, string Fingerprint, JsonHttpResult<ApiError>? Error) Validate(
        CredentialsRequest request, Func<string, string> tokenFingerprint) => request.Kind switch
    {
        CredentialKind.HttpsToken => Token(request, tokenFingerprint),
        CredentialKind.SshKey => SshKey(request),
        _ => Invalid("kind", $"kind must be '{CredentialKind.HttpsToken}' or '{CredentialKind.SshKey}'."),
    };

    private static (RepositoryCredential?, string, JsonHttpResult<ApiError>?) Token(CredentialsRequest request,
        Func<string, string> tokenFingerprint)
    {
        if (request.PrivateKey is not null || request.KnownHosts is not null)
        {
            return Invalid(request.PrivateKey is not null ? "private_key" : "known_hosts",
                "private_key and known_hosts belong to kind 'ssh_key', not 'https_token'.");
        }
        if (request.Username is not { Length: > 0 and <= MaxUsernameLength } username || !IsVisibleAscii(username) || username.Contains(':'))
        {
            return Invalid("username", $"username must be 1 to {MaxUsernameLength} visible ASCII characters without ':' (for a token the host ignores it, give e.g. 'x-access-token' or 'oauth2').");
        }
        if (request.Token is not { Length: > 0 and <= MaxTokenLength } token || !IsVisibleAscii(token))
        {
            return Invalid("token", $"token must be 1 to {MaxTokenLength} visible ASCII characters (no spaces or line breaks).");
        }
        return (RepositoryCredential.Token(username, token), tokenFingerprint(token), null);
    }

    private static (RepositoryCredential?, string, JsonHttpResult<ApiError>?) SshKey(CredentialsRequest request)
    {
        if (request.Username is not null || request.Token is not null)
        {
            return Invalid(request.Token is not null ? "token" : "username",
                "username and token belong to kind 'https_token', not 'ssh_key'.");
        }
        if (request.PrivateKey is not { Length: > 0 and <= MaxPrivateKeyLength } privateKey)
        {
            return Invalid("private_key", $"private_key must be an OpenSSH private key of at most {MaxPrivateKeyLength} characters.");
        }
        var (fingerprint, problem) = SshPrivateKey.Read(privateKey);
        if (problem is not null)
        {
            return Invalid("private_key", problem);
        }
        if (request.KnownHosts is { } knownHosts && KnownHostsProblem(knownHosts) is { } hostsProblem)
        {
            return Invalid("known_hosts", hostsProblem);
        }
        // Stored as ssh-keygen writes it: one final newline (ssh refuses a key file without it).
        var normalized = privateKey.ReplaceLineEndings("\n").Trim() + "\n";
        var hosts = request.KnownHosts?.ReplaceLineEndings("\n").Trim() is { Length: > 0 } trimmed ? trimmed + "\n" : null;
        return (RepositoryCredential.SshKey(normalized, hosts), fingerprint!, null);
    }

    /// <summary>
    /// known_hosts lines as ssh reads them (<c>[marker] hosts key-type base64-key [comment]</c>); '#' comments and blank
    /// lines pass. Control characters are refused: the text goes into a file ssh parses.
    /// </summary>
    internal static string? KnownHostsProblem(string knownHosts)
    {
        if (knownHosts.Length > MaxKnownHostsLength)
        {
            return $"known_hosts must be at most {MaxKnownHostsLength} characters.";
        }
        var lines = knownHosts.ReplaceLineEndings("\n").Split('\n');
        if (lines.Length > MaxKnownHostsLines)
        {
            return $"known_hosts must be at most {MaxKnownHostsLines} lines.";
        }
        var entries = 0;
        foreach (var line in lines.Select(line => line.Trim()))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            if (line.Any(char.IsControl))
            {
                return "known_hosts must not contain control characters.";
            }
            var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var offset = fields[0].StartsWith('@') ? 1 : 0;
            if (fields.Length < offset + 3 || !IsBase64(fields[offset + 2]))
            {
                return "known_hosts lines must read '[marker] host[,host…] key-type base64-key', as 'ssh-keyscan' prints them.";
            }
            entries++;
        }
        return entries == 0 ? "known_hosts has no host key line; leave it out to use the worker's own known_hosts." : null;
    }

    private static bool IsVisibleAscii(string value) => value.All(c => c is > ' ' and < '\u007f');

    private static bool IsBase64(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out _);
    }

    private static (RepositoryCredential?, string, JsonHttpResult<ApiError>?) Invalid(string field, string detail) =>
        (null, "", ApiError.BadField(field, detail));
}

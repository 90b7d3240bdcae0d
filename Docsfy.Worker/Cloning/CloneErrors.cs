using Docsfy.Credentials;
using System.Text.RegularExpressions;
using LibGit2Sharp;

namespace Docsfy.Worker.Cloning;

/// <summary>Turns LibGit2Sharp failures into messages users can act on (never a stack trace).</summary>
internal static class CloneErrors
{
    /// <summary>
    /// The repository refused who the clone said it was (or that it said nobody): the message names the repository and
    /// what to do, never the credential. <paramref name="usableKind"/> is the kind the transport can send.
    /// </summary>
    public static string AuthenticationFailed(string display, RepositoryCredential? credential, string usableKind) => credential switch
    {
        null => $"Authentication failed for {display}: the repository is private (or does not exist); set the project's credentials and run again.",
        { Kind: CredentialKind.SshKey } when usableKind != CredentialKind.SshKey =>
            $"Authentication failed for {display}: the project's credentials are an ssh key, which an https URL cannot use; set a token, or use the repository's ssh URL.",
        { Kind: CredentialKind.HttpsToken } when usableKind != CredentialKind.HttpsToken =>
            $"Authentication failed for {display}: the project's credentials are a token, which an ssh URL cannot use; set an ssh key, or use the repository's https URL.",
        { Kind: CredentialKind.SshKey } => $"Authentication failed for {display}: the project's ssh key was refused (wrong, or without read access to the repository).",
        _ => $"Authentication failed for {display}: the project's token was refused (wrong, expired, or without read access to the repository).",
    };

    public static CloneFailedException Describe(LibGit2SharpException error, string branch, string? transportFailure = null)
    {
        var detail = FirstLine(transportFailure ?? error.Message);
        if (error is NotFoundException && detail.Contains($"origin/{branch}", StringComparison.Ordinal))
        {
            return new($"The branch '{branch}' does not exist in the repository.", error);
        }
        if (detail.StartsWith("Authentication failed for ", StringComparison.Ordinal))
        {
            return new(detail, error);
        }
        if (Contains(detail, "authentication", "credentials") || HasStatus(detail, "401", "403"))
        {
            return new("The repository does not exist or is not public.", error);
        }
        if (transportFailure is not null && Contains(detail, "redirect", "Refused to connect"))
        {
            return new(detail, error);
        }
        if (Contains(detail, "unsupported URL protocol"))
        {
            return new("This kind of repository URL is not supported here; use an https:// URL.", error);
        }
        if (HasStatus(detail, "404") || Contains(detail, "not found", "could not find repository", "not appear to be a git repository"))
        {
            return new($"The repository was not found ({detail}).", error);
        }
        return new($"The repository could not be cloned: {detail}", error);
    }

    private static bool Contains(string text, params string[] parts) =>
        parts.Any(part => text.Contains(part, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Whether an HTTP status appears as a number of its own: "status code: 403" does, but so much as a port, an address or
    /// a commit with those digits inside ("port 40312") must not turn a timeout into "does not exist".
    /// </summary>
    private static bool HasStatus(string text, params string[] codes) =>
        codes.Any(code => Regex.IsMatch(text, $@"(?<![0-9]){code}(?![0-9])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));

    private static string FirstLine(string message)
    {
        var line = message.ReplaceLineEndings("\n").Split('\n', 2)[0].Trim();
        return line.Length > 300 ? line[..300] + "…" : line;
    }
}

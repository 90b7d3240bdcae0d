using Docsfy.Credentials;
using LibGit2Sharp;

namespace Docsfy.Worker.Cloning;

/// <summary>Turns LibGit2Sharp failures into messages users can act on (never a stack trace).</summary>
internal static class CloneErrors
{
    /// <summary>
    /// The repository refused who the clone said it was (or that it said nobody): the message names the repository and
    /// what to do, never the credential.
    /// </summary>
    public static string AuthenticationFailed(string display, RepositoryCredential? credential) => credential is null
        ? $"Authentication failed for {display}: the repository is private (or does not exist); set the project's credentials and run again."
        : $"Authentication failed for {display}: the project's {(credential.Kind == CredentialKind.SshKey ? "ssh key" : "token")} was refused (wrong, expired, or without read access to the repository).";

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
        if (Contains(detail, "authentication", "401", "403", "credentials"))
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
        if (Contains(detail, "404", "not found", "could not find repository", "not appear to be a git repository"))
        {
            return new($"The repository was not found ({detail}).", error);
        }
        return new($"The repository could not be cloned: {detail}", error);
    }

    private static bool Contains(string text, params string[] parts) =>
        parts.Any(part => text.Contains(part, StringComparison.OrdinalIgnoreCase));

    private static string FirstLine(string message)
    {
        var line = message.ReplaceLineEndings("\n").Split('\n', 2)[0].Trim();
        return line.Length > 300 ? line[..300] + "…" : line;
    }
}

using System.Text.RegularExpressions;

namespace Docsfy.Api.Auth;

/// <summary>The username rule: ASCII letters and digits first, then letters, digits, dot, underscore or dash; 2–50 long.</summary>
public static partial class Usernames
{
    /// <summary>True for a well-formed username. <c>\z</c>, not <c>$</c>: a trailing newline is not part of a name.</summary>
    public static bool IsValid(string? username) => username is not null && Pattern().IsMatch(username);

    /// <summary><c>admin</c> in any case belongs to the built-in admin and can never be a users row.</summary>
    public static bool IsReserved(string username) =>
        string.Equals(username, Caller.BuiltInAdminName, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The username as it may appear in a log line: only when well-formed, since a user who typed a key into the username
    /// field must not find it in the logs.
    /// </summary>
    public static string ForLog(string? username) => IsValid(username) ? username! : "(malformed)";

    [GeneratedRegex(@"\A[a-zA-Z0-9][a-zA-Z0-9._-]{1,49}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

using System.Text.RegularExpressions;

namespace Docsfy.Contracts.Repositories;

/// <summary>
/// The one rule for names that become URL and path segments (project names and branches): an ASCII letter or digit, then
/// letters, digits, '.', '_' or '-', so never '/', never a leading dot and never '..'.
/// </summary>
internal static partial class NameRule
{
    public static bool IsValid(string? value, int maxLength) =>
        value is not null && value.Length <= maxLength && Pattern().IsMatch(value)
        && !value.Contains("..", StringComparison.Ordinal);

    // \z, not $: a trailing newline is not part of a name.
    [GeneratedRegex(@"\A[a-zA-Z0-9][a-zA-Z0-9._-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

using System.Text.RegularExpressions;

namespace Docsfy.Api.Projects;

/// <summary>Project names and branches: a letter or digit, then letters, digits, '.', '_' or '-' (so no '/' and no '..').</summary>
public static partial class ProjectNames
{
    public const int MaxLength = 100;

    public static bool IsValidName(string? name) =>
        name is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(name) && !name.Contains("..", StringComparison.Ordinal);

    public static bool IsValidBranch(string? branch) => IsValidName(branch);

    [GeneratedRegex(@"\A[a-zA-Z0-9][a-zA-Z0-9._-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

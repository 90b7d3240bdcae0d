using System.Text.RegularExpressions;

namespace Docsfy.Api.Generation;

/// <summary>
/// Model names appear in URLs (<c>/docs/{name}/{branch}/{provider}/{model}/</c>), so they are one path segment: letters,
/// digits, '.', '_', '-' and ':' (as in <c>llama3:8b</c>), never '/' or "..".
/// </summary>
public static partial class ModelNames
{
    public const int MaxLength = 100;

    public static bool IsValid(string? model) =>
        model is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(model) && !model.Contains("..", StringComparison.Ordinal);

    [GeneratedRegex(@"\A[a-zA-Z0-9][a-zA-Z0-9._:-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

using System.Text;

namespace Docsfy.Worker.Plans;

/// <summary>
/// Page slugs become file names and URLs, and come from the AI: only <c>[a-z0-9-]</c> survives, so no slug can name a
/// path outside the site (<c>../../x</c> becomes <c>x</c>).
/// </summary>
public static class Slug
{
    public const int MaxLength = 80;

    /// <summary>Lowercased, every other character a dash, dashes collapsed and trimmed; null when nothing is left.</summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var builder = new StringBuilder(Math.Min(value.Length, MaxLength));
        foreach (var character in value.Trim().ToLowerInvariant())
        {
            if (builder.Length >= MaxLength)
                break;
            if (character is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
                builder.Append(character);
            else if (builder.Length > 0 && builder[^1] != '-')
                builder.Append('-');
        }
        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? null : slug;
    }

    /// <summary>True for a slug <see cref="Normalize"/> would leave unchanged.</summary>
    public static bool IsValid(string? value) => value is not null && Normalize(value) == value;
}

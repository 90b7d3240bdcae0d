using System.Globalization;

namespace Docsfy.Api;

/// <summary>The product's timestamp format: UTC, <c>YYYY-MM-DD HH:MM:SS</c>.</summary>
public static class Timestamps
{
    private const string Pattern = "yyyy-MM-dd HH:mm:ss";

    public static string Format(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString(Pattern, CultureInfo.InvariantCulture);

    /// <summary>Reads back what <see cref="Format(DateTime)"/> wrote, as UTC.</summary>
    public static bool TryParse(string? text, out DateTime utc) => DateTime.TryParseExact(text, Pattern,
        CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out utc);

    public static string? Format(DateTime? utc) => utc is { } value ? Format(value) : null;
}

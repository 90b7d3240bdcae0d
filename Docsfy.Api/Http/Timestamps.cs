using System.Globalization;

namespace Docsfy.Api;

/// <summary>The product's timestamp format: UTC, <c>YYYY-MM-DD HH:MM:SS</c>.</summary>
public static class Timestamps
{
    public static string Format(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string? Format(DateTime? utc) => utc is { } value ? Format(value) : null;
}

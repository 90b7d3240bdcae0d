using System.Globalization;

namespace Docsfy.Api.Http;

/// <summary>Durations as people read them in messages: "3 minutes", "6 hours", "90 seconds".</summary>
public static class Durations
{
    public static string Describe(TimeSpan duration) => duration switch
    {
        { TotalHours: >= 1 } when duration.TotalHours % 1 == 0 => Plural((long)duration.TotalHours, "hour"),
        { TotalMinutes: >= 1 } when duration.TotalMinutes % 1 == 0 => Plural((long)duration.TotalMinutes, "minute"),
        _ => Plural((long)Math.Ceiling(duration.TotalSeconds), "second"),
    };

    private static string Plural(long count, string unit) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + unit + (count == 1 ? "" : "s");
}

using System.Globalization;

namespace Docsfy.Bench.Reporting;

public static class Format
{
    public static string Ms(TimeSpan duration) => duration.TotalMilliseconds.ToString(
        duration.TotalMilliseconds < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " ms";

    public static string Bytes(double bytes) => bytes switch
    {
        >= 1 << 30 => (bytes / (1 << 30)).ToString("0.00", CultureInfo.InvariantCulture) + " GiB",
        >= 1 << 20 => (bytes / (1 << 20)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB",
        >= 1 << 10 => (bytes / (1 << 10)).ToString("0.0", CultureInfo.InvariantCulture) + " KiB",
        _ => bytes.ToString("0", CultureInfo.InvariantCulture) + " B",
    };

    public static string Number(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Met(bool met) => met ? "**met**" : "**not met**";
}

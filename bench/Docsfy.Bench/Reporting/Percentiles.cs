namespace Docsfy.Bench.Reporting;

/// <summary>Nearest-rank percentiles of a set of durations.</summary>
public sealed record Percentiles(int Count, TimeSpan P50, TimeSpan P95, TimeSpan P99, TimeSpan Max)
{
    public static Percentiles Of(IEnumerable<TimeSpan> samples)
    {
        var sorted = samples.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Percentiles(0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
        }
        TimeSpan At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Percentiles(sorted.Length, At(0.50), At(0.95), At(0.99), sorted[^1]);
    }

    public override string ToString() =>
        $"p50 {Format.Ms(P50)}, p95 {Format.Ms(P95)}, p99 {Format.Ms(P99)}, max {Format.Ms(Max)} (n={Count:N0})";
}

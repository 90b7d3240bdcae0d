using System.Globalization;

namespace Docsfy.IntegrationTests.Faults;

/// <summary>How long the soak runs and where it writes, from the environment <c>scripts/chaos</c> sets.</summary>
/// <param name="Rounds">How many times each fault is injected, at most.</param>
/// <param name="Duration">No round starts after this much time; null for no limit.</param>
/// <param name="RunsPerScenario">Runs in flight when each fault hits.</param>
public sealed record ChaosSettings(int Rounds, TimeSpan? Duration, int RunsPerScenario, string ResultsPath, string Commit)
{
    public const string RoundsVariable = "DOCSFY_CHAOS_ROUNDS";

    public static ChaosSettings FromEnvironment() => new(
        Positive(RoundsVariable, 1),
        Environment.GetEnvironmentVariable("DOCSFY_CHAOS_MINUTES") is { Length: > 0 } ? TimeSpan.FromMinutes(Positive("DOCSFY_CHAOS_MINUTES", 1)) : null,
        Math.Min(Positive("DOCSFY_CHAOS_RUNS", FaultFixture.ConcurrentRuns), FaultFixture.ConcurrentRuns),
        Environment.GetEnvironmentVariable("DOCSFY_CHAOS_RESULTS") is { Length: > 0 } path ? path : Path.GetFullPath("chaos-results.md"),
        Environment.GetEnvironmentVariable("DOCSFY_CHAOS_COMMIT") is { Length: > 0 } commit ? commit : "unknown");

    private static int Positive(string variable, int fallback)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{variable} must be a positive whole number, not '{text}'.");
    }
}

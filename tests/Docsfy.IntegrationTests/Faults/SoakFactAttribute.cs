namespace Docsfy.IntegrationTests.Faults;

/// <summary>
/// A test that only <c>scripts/chaos</c> runs: it takes many minutes, so the normal test run (and CI) skips it unless
/// <see cref="ChaosSettings.RoundsVariable"/> is set.
/// </summary>
public sealed class SoakFactAttribute : FactAttribute
{
    public SoakFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(ChaosSettings.RoundsVariable) is null)
        {
            Skip = $"A soak: run it with scripts/chaos (or set {ChaosSettings.RoundsVariable}).";
        }
    }
}

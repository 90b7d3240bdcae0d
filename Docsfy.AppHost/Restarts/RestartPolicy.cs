namespace Docsfy.AppHost.Restarts;

/// <summary>
/// How soon a resource that exited unexpectedly is started again: after <see cref="InitialDelay"/>, doubling with each
/// exit in a row up to <see cref="MaxDelay"/>, so a process that crashes at start-up does not spin. An instance that
/// stayed up for <see cref="StableAfter"/> counts as recovered: its next exit starts the count again.
/// </summary>
public sealed record RestartPolicy
{
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan StableAfter { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The wait before restart number <paramref name="attempt"/> (1 for the first exit in a row).</summary>
    public TimeSpan DelayFor(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        // Doubling past ~30 steps would overflow long before it matters: the cap is reached far earlier.
        var doubled = InitialDelay * Math.Pow(2, Math.Min(attempt - 1, 30));
        return doubled < MaxDelay ? doubled : MaxDelay;
    }

    /// <summary>Throws when the delays make no sense (zero, negative, or a cap below the first delay).</summary>
    public RestartPolicy Validated()
    {
        if (InitialDelay <= TimeSpan.Zero)
        {
            throw new ArgumentException($"The first restart delay must be positive (was {InitialDelay}).");
        }
        if (MaxDelay < InitialDelay)
        {
            throw new ArgumentException($"The restart backoff cap ({MaxDelay}) must be at least the first delay ({InitialDelay}).");
        }
        if (StableAfter <= TimeSpan.Zero)
        {
            throw new ArgumentException($"The time after which a restarted instance counts as stable must be positive (was {StableAfter}).");
        }
        return this;
    }
}

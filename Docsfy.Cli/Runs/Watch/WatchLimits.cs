namespace Docsfy.Cli.Runs.Watch;

/// <summary>How long watching waits for what; every wait has a bound.</summary>
public sealed record WatchLimits(TimeSpan Overall, TimeSpan Idle, TimeSpan ReconnectFor, TimeSpan FirstBackoff, TimeSpan MaxBackoff)
{
    /// <summary>
    /// The server pings every 30 s, so 75 s of silence means a dead connection. Reconnecting backs off like the
    /// dashboard (0.5 s doubling up to 15 s) and gives up after 5 minutes without a server.
    /// </summary>
    public static WatchLimits Default(TimeSpan overall) =>
        new(overall, TimeSpan.FromSeconds(75), TimeSpan.FromMinutes(5), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(15));
}

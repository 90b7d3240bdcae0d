namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>The shortened heartbeat the test app host runs with (the product default is 30 s and 10 s).</summary>
public static class HubTimings
{
    public static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan PongTimeout = TimeSpan.FromSeconds(1);
}

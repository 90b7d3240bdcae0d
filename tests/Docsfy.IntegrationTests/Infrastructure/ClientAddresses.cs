namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>
/// A client address of its own for every test client, sent as <c>X-Forwarded-For</c> through the app host's proxy (which
/// the API trusts on loopback). The API throttles failed authentications per address, so tests that share one app host
/// must not share one address: each one's deliberate failures would count against all the others.
/// </summary>
public static class ClientAddresses
{
    public const string Header = "X-Forwarded-For";

    private static int _next;

    /// <summary>A fresh address in 198.18.0.0/15 (reserved for benchmarking, never a real client).</summary>
    public static string Next()
    {
        var n = Interlocked.Increment(ref _next);
        return $"198.{18 + (n >> 16 & 1)}.{n >> 8 & 0xff}.{n & 0xff}";
    }
}

namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>Polls a condition that other processes make true, with a bound, failing with what was awaited.</summary>
public static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    public static Task HoldsAsync(Func<bool> condition, string what, TimeSpan timeout) =>
        HoldsAsync(() => Task.FromResult(condition()), what, timeout);

    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new Xunit.Sdk.XunitException($"Timed out after {timeout} waiting for {what}.");
            }
            await Task.Delay(Interval);
        }
    }
}

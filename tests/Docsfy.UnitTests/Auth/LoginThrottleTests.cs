using Docsfy.Api.Auth;

namespace Docsfy.UnitTests.Auth;

public sealed class LoginThrottleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private static List<DateTimeOffset> FailuresSecondsAgo(params int[] seconds) => [.. seconds.Select(s => Now.AddSeconds(-s))];

    [Fact]
    public void Below_the_limit_there_is_no_wait() =>
        Assert.Null(LoginThrottle.RetryAfter(FailuresSecondsAgo(1, 2, 3, 4), limit: 5, Now, Window));

    [Fact]
    public void At_the_limit_the_wait_lasts_until_the_oldest_counted_failure_leaves_the_window()
    {
        var wait = LoginThrottle.RetryAfter(FailuresSecondsAgo(1, 2, 3, 4, 100), limit: 5, Now, Window);
        Assert.Equal(TimeSpan.FromSeconds(200), wait);
    }

    [Fact]
    public void Only_the_newest_failures_up_to_the_limit_decide_the_wait()
    {
        var wait = LoginThrottle.RetryAfter(FailuresSecondsAgo(10, 20, 250, 290), limit: 2, Now, Window);
        Assert.Equal(TimeSpan.FromSeconds(280), wait);
    }

    [Fact]
    public void The_wait_is_never_zero_once_limited()
    {
        var wait = LoginThrottle.RetryAfter(FailuresSecondsAgo(300, 300), limit: 2, Now, Window);
        Assert.Equal(TimeSpan.FromSeconds(1), wait);
    }
}

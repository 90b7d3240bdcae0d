using System.Net;
using System.Net.Sockets;
using Docsfy.Contracts.Repositories;

namespace Docsfy.UnitTests.Repositories;

public sealed class HostSafetyTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("localhost")]
    [InlineData("LocalHost.")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    [InlineData("169.254.169.254")]
    public async Task Refuses_this_machine_and_non_global_literals(string host)
    {
        var check = await HostSafety.CheckResolvedAsync(host, allowLoopback: false, CancellationToken.None).WaitAsync(Bound);

        Assert.False(check.IsAllowed);
        Assert.NotNull(check.Problem);
    }

    [Fact]
    public async Task Refuses_a_name_that_does_not_resolve()
    {
        // .invalid never resolves (RFC 6761); whether the resolver answers or the lookup fails, the answer is a refusal.
        var check = await HostSafety.CheckResolvedAsync("nonexistent.invalid", false, CancellationToken.None).WaitAsync(Bound);

        Assert.False(check.IsAllowed);
        Assert.Contains("could not be resolved", check.Problem);
    }

    [Fact]
    public async Task Fails_closed_when_resolution_throws()
    {
        var check = await HostSafety.CheckResolvedAsync("git.example.com", false,
            (_, _) => throw new SocketException((int)SocketError.TryAgain), CancellationToken.None);

        Assert.False(check.IsAllowed);
    }

    [Fact]
    public async Task Fails_closed_when_resolution_returns_nothing()
    {
        var check = await HostSafety.CheckResolvedAsync("git.example.com", false, (_, _) => Task.FromResult<IPAddress[]>([]),
            CancellationToken.None);

        Assert.False(check.IsAllowed);
    }

    [Fact]
    public async Task Refuses_when_any_resolved_address_is_not_global()
    {
        var check = await HostSafety.CheckResolvedAsync("rebind.example.com", false,
            Resolving("140.82.112.3", "10.1.2.3"), CancellationToken.None);

        Assert.False(check.IsAllowed);
        Assert.Contains("10.1.2.3", check.Problem);
    }

    [Fact]
    public async Task Allows_names_that_resolve_only_to_global_addresses()
    {
        var check = await HostSafety.CheckResolvedAsync("github.com", false,
            Resolving("140.82.112.3", "2606:50c0:8000::153"), CancellationToken.None);

        Assert.True(check.IsAllowed, check.Problem);
    }

    [Fact]
    public async Task Allows_loopback_but_nothing_else_when_the_setting_is_on()
    {
        Assert.True((await HostSafety.CheckResolvedAsync("localhost", true, Resolving("127.0.0.1", "::1"), default)).IsAllowed);
        Assert.True((await HostSafety.CheckResolvedAsync("127.0.0.1", true, CancellationToken.None)).IsAllowed);
        Assert.False((await HostSafety.CheckResolvedAsync("intranet.example", true, Resolving("192.168.0.2"), default)).IsAllowed);
    }

    [Fact]
    public async Task Passes_cancellation_through()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            HostSafety.CheckResolvedAsync("github.com", false, (_, ct) => Task.FromCanceled<IPAddress[]>(ct), cancelled.Token));
    }

    private static Func<string, CancellationToken, Task<IPAddress[]>> Resolving(params string[] addresses) =>
        (_, _) => Task.FromResult(addresses.Select(IPAddress.Parse).ToArray());
}

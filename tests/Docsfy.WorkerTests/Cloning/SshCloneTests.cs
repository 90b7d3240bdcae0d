using System.Diagnostics;
using System.Net;
using System.Runtime.Versioning;
using Docsfy.Contracts.Repositories;
using Docsfy.Worker.Cloning;

namespace Docsfy.WorkerTests.Cloning;

/// <summary>
/// ssh clones against a loopback server that accepts connections and never speaks, as an attacker's host would: the
/// clone ends within ssh's own timeouts or the clone's limits, and no <c>ssh</c> process outlives it.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class SshCloneTests : IDisposable
{
    private readonly TempFolder _scratch = new();

    [Fact]
    public async Task A_host_that_never_speaks_fails_within_the_ssh_connect_timeout_not_the_clone_limit()
    {
        using var server = new SilentServer();
        var stopwatch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<CloneFailedException>(() => Cloners.Create(o =>
            {
                o.AllowLoopbackHosts = true;
                o.SshConnectTimeout = TimeSpan.FromSeconds(2);
            })
            .CloneAsync(new RepositorySource(server.SshUrl(), null, "main"), _scratch.Child("co"), default)
            .WaitAsync(Cloners.Bound));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"took {stopwatch.Elapsed}");
        Assert.Contains("timed out", error.Message, StringComparison.OrdinalIgnoreCase);
        await AssertNoSshLeftAsync(server);
    }

    [Fact]
    public async Task An_abort_kills_ssh_and_returns_promptly()
    {
        using var server = new SilentServer();
        using var abort = new CancellationTokenSource();
        var clone = Cloners.Create(o => o.AllowLoopbackHosts = true)
            .CloneAsync(new RepositorySource(server.SshUrl(), null, "main"), _scratch.Child("co"), abort.Token);
        await WaitForSshAsync(server);

        await abort.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => clone.WaitAsync(TimeSpan.FromSeconds(15)));
        await AssertNoSshLeftAsync(server);
    }

    [Fact]
    public async Task The_clone_time_limit_kills_ssh_too()
    {
        using var server = new SilentServer();
        var clone = Cloners.Create(o => { o.AllowLoopbackHosts = true; o.Timeout = TimeSpan.FromSeconds(3); })
            .CloneAsync(new RepositorySource(server.SshUrl(), null, "main"), _scratch.Child("co"), default);
        await WaitForSshAsync(server);

        var error = await Assert.ThrowsAsync<CloneFailedException>(() => clone.WaitAsync(Cloners.Bound));

        Assert.Contains("time limit", error.Message);
        await AssertNoSshLeftAsync(server);
    }

    [Fact]
    public async Task Ssh_connects_to_the_address_that_was_checked_and_verifies_the_key_under_the_name()
    {
        using var server = new SilentServer();
        using var abort = new CancellationTokenSource();
        var clone = Cloners.Create(o => o.AllowLoopbackHosts = true)
            .CloneAsync(new RepositorySource(server.SshUrl("localhost"), null, "main"), _scratch.Child("co"), abort.Token);

        var commandLine = await WaitForSshAsync(server);

        var resolved = await Dns.GetHostAddressesAsync("localhost");
        Assert.Contains(commandLine, argument => argument.StartsWith("HostName=", StringComparison.Ordinal)
            && resolved.Contains(IPAddress.Parse(argument["HostName=".Length..])));
        Assert.Contains("HostKeyAlias=localhost", commandLine);
        await abort.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => clone.WaitAsync(TimeSpan.FromSeconds(15)));
    }

    [Fact]
    public async Task A_repository_is_cloned_over_one_ssh_connection_to_the_checked_address()
    {
        // An "ssh" that serves a local folder: it records its arguments and runs the git-upload-pack it is asked for.
        using var served = new TempFolder();
        using var source = new SourceRepository();
        var sha = source.Commit("first", ("README.md", "over ssh"));
        LibGit2Sharp.Repository.Clone(source.Path, Path.Combine(served.Path, "owner", "repo.git"),
            new LibGit2Sharp.CloneOptions { IsBare = true });
        var log = Path.Combine(_scratch.Path, "ssh-calls");
        var fakeSsh = Path.Combine(_scratch.Path, "fake-ssh");
        await File.WriteAllTextAsync(fakeSsh, $$"""
            #!/bin/sh
            printf '%s\n' "$*" >> '{{log}}'
            for last; do :; done
            path=$(printf '%s' "$last" | sed -e "s/^git-upload-pack '//" -e "s/'\$//")
            cd '{{served.Path}}' && exec git-upload-pack ".$path"
            """);
        File.SetUnixFileMode(fakeSsh, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        var checkout = await Cloners.Create(o => { o.AllowLoopbackHosts = true; o.SshPath = fakeSsh; })
            .CloneAsync(new RepositorySource("ssh://git@localhost/owner/repo.git", null, "main"), _scratch.Child("co"), default)
            .WaitAsync(Cloners.Bound);

        Assert.Equal(sha, checkout.CommitSha);
        Assert.Equal("over ssh", await File.ReadAllTextAsync(Path.Combine(checkout.Directory, "README.md")));
        var call = Assert.Single(await File.ReadAllLinesAsync(log));
        Assert.Contains("HostKeyAlias=localhost", call, StringComparison.Ordinal);
        Assert.Matches("HostName=(127.0.0.1|::1) ", call);
    }

    [Fact]
    public async Task An_scp_like_address_goes_through_the_same_ssh_and_its_failure_is_told()
    {
        // Whatever answers on port 22 here (usually nothing), ssh's own last words come back through Docsfy's transport.
        var error = await Assert.ThrowsAsync<CloneFailedException>(() => Cloners.Create(o => o.AllowLoopbackHosts = true)
            .CloneAsync(new RepositorySource("git@127.0.0.1:owner/repo.git", null, "main"), _scratch.Child("co"), default)
            .WaitAsync(Cloners.Bound));

        Assert.StartsWith("The repository could not be cloned: ssh: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ssh://git@example.com:2222/owner/repo.git", "/owner/repo.git", "2222")]
    [InlineData("git@example.com:o'k/repo.git", "o'\\''k/repo.git", null)]
    [InlineData("ssh://git@example.com/~alice/repo", "~alice/repo", null)]
    public void The_command_line_has_the_limits_the_checked_address_and_one_quoted_path(string url, string quotedPath, string? port)
    {
        Assert.True(RepositoryAddress.TryParse(url, out var address, out var problem), problem);
        var settings = new CloningOptions { SshConnectTimeout = TimeSpan.FromSeconds(7), SshServerAliveInterval = TimeSpan.FromSeconds(5) };

        var arguments = SshCommand.Arguments(address, IPAddress.Parse("203.0.113.7"), settings);

        string[] expected =
        [
            "-o", "BatchMode=yes", "-o", "ConnectTimeout=7", "-o", "ServerAliveInterval=5", "-o", "ServerAliveCountMax=3",
            "-o", "HostName=203.0.113.7", "-o", "HostKeyAlias=example.com", "-o", "CheckHostIP=no",
            .. port is null ? Array.Empty<string>() : ["-p", port],
            "--", "git@example.com", $"git-upload-pack '{quotedPath}'",
        ];
        Assert.Equal(expected, arguments);
    }

    /// <summary>The arguments of the ssh process connecting to <paramref name="server"/>, once it runs.</summary>
    private static async Task<string[]> WaitForSshAsync(SilentServer server)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < Cloners.Bound)
        {
            if (SshProcesses(server).Select(p => p.Arguments).FirstOrDefault() is { } arguments)
            {
                return arguments;
            }
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException("ssh never started.");
    }

    private static async Task AssertNoSshLeftAsync(SilentServer server)
    {
        var stopwatch = Stopwatch.StartNew();
        while (SshProcesses(server).Any(p => Ai.ProcessProbe.IsRunning(p.Pid)))
        {
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(15), "an ssh process outlived its clone");
            await Task.Delay(100);
        }
    }

    /// <summary>ssh processes whose command line names this server's port (each test has its own server and port).</summary>
    private static IEnumerable<(int Pid, string[] Arguments)> SshProcesses(SilentServer server) =>
        Directory.EnumerateDirectories("/proc")
            .Select(dir => (Pid: int.TryParse(Path.GetFileName(dir), out var pid) ? pid : 0, Arguments: ReadArguments(dir)))
            .Where(p => p.Pid > 0 && p.Arguments is [var program, ..] && Path.GetFileName(program) == "ssh" && p.Arguments.Any(a => a.Contains($":{server.Port}/") || a == $"{server.Port}"));

    private static string[] ReadArguments(string processDirectory)
    {
        try
        {
            return File.ReadAllText(Path.Combine(processDirectory, "cmdline")).Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    public void Dispose() => _scratch.Dispose();
}

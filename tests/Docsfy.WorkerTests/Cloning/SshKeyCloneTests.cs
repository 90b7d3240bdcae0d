using System.Net;
using System.Runtime.Versioning;
using Docsfy.Contracts.Repositories;
using Docsfy.Credentials;
using Docsfy.Worker.Cloning;
using LibGit2Sharp;

namespace Docsfy.WorkerTests.Cloning;

/// <summary>
/// Deploy keys. No ssh server runs here, so <c>Clone:SshPath</c> names a stand-in for ssh that checks what the real one
/// would be given (the key file after <c>-i</c>, readable by its owner alone, holding the project's key), then runs
/// <c>git-upload-pack</c> locally as sshd would run it remotely. The clone itself is the worker's, unchanged.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class SshKeyCloneTests : IDisposable
{
    private const string Marker = "docsfy-test-deploy-key-body";
    private static readonly string Key = $"-----BEGIN OPENSSH PRIVATE KEY-----\n{Marker}\n-----END OPENSSH PRIVATE KEY-----\n";

    private readonly TempFolder _served = new();
    private readonly TempFolder _scratch = new();
    private readonly TempFolder _keys = new();

    [Fact]
    public async Task Clones_with_the_deploy_key_in_an_owner_only_file_that_is_gone_afterwards()
    {
        var (url, sha) = Serve();

        var checkout = await Cloner().CloneAsync(new RepositorySource(url, null, "main", RepositoryCredential.SshKey(Key, null)),
            _scratch.Child("co"), default).WaitAsync(Cloners.Bound);

        Assert.Equal(sha, checkout.CommitSha);
        var used = (await File.ReadAllTextAsync(_scratch.Child("used-key"))).Trim();
        Assert.StartsWith(_keys.Path, used);
        Assert.False(File.Exists(used));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_keys.Path));
        Assert.DoesNotContain(Marker, await File.ReadAllTextAsync(Path.Combine(checkout.Directory, ".git", "config")));
    }

    [Fact]
    public async Task Without_a_key_the_refusal_reads_authentication_failed()
    {
        var (url, _) = Serve();

        var error = await Assert.ThrowsAsync<CloneFailedException>(() => Cloner()
            .CloneAsync(new RepositorySource(url, null, "main"), _scratch.Child("co"), default).WaitAsync(Cloners.Bound));

        Assert.StartsWith($"Authentication failed for {url}", error.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_keys.Path));
    }

    [Fact]
    public void The_command_line_offers_only_the_projects_key_and_pins_its_known_hosts()
    {
        Assert.True(RepositoryAddress.TryParse("ssh://git@example.com/owner/repo.git", out var address, out var problem), problem);
        using var identity = SshIdentity.Write(RepositoryCredential.SshKey(Key, "example.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA\n"),
            _keys.Path);

        var arguments = SshCommand.Arguments(address, IPAddress.Parse("203.0.113.7"), new CloningOptions(), identity);

        var options = arguments.TakeWhile(argument => argument != "--").ToList();
        Assert.Equal(identity.KeyFile, options[options.IndexOf("-i") + 1]);
        Assert.Contains("IdentitiesOnly=yes", options);
        Assert.Contains("IdentityAgent=none", options);
        Assert.Contains($"UserKnownHostsFile={identity.KnownHostsFile}", options);
        Assert.Contains("StrictHostKeyChecking=yes", options);
        Assert.Equal(["--", "git@example.com", "git-upload-pack '/owner/repo.git'"], arguments.SkipWhile(argument => argument != "--"));
        Assert.DoesNotContain(arguments, argument => argument.Contains(Marker, StringComparison.Ordinal));
    }

    [Fact]
    public void The_key_and_known_hosts_files_are_the_owners_alone_and_deleted_on_dispose()
    {
        var identity = SshIdentity.Write(RepositoryCredential.SshKey(Key, "example.com ssh-ed25519 AAAA\n"), _keys.Path);
        var folder = Path.GetDirectoryName(identity.KeyFile)!;

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(identity.KeyFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(identity.KnownHostsFile!));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        Assert.Equal(Key, File.ReadAllText(identity.KeyFile));

        identity.Dispose();

        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void Without_known_hosts_the_workers_own_apply()
    {
        Assert.True(RepositoryAddress.TryParse("git@example.com:owner/repo.git", out var address, out var problem), problem);
        using var identity = SshIdentity.Write(RepositoryCredential.SshKey(Key, null), _keys.Path);

        var arguments = SshCommand.Arguments(address, IPAddress.Parse("203.0.113.7"), new CloningOptions(), identity);

        Assert.Null(identity.KnownHostsFile);
        Assert.DoesNotContain(arguments, argument => argument.StartsWith("UserKnownHostsFile=", StringComparison.Ordinal));
    }

    private RepositoryCloner Cloner() => Cloners.Create(o =>
    {
        o.AllowLoopbackHosts = true;
        o.SshPath = FakeSsh();
        o.SshKeyDirectory = _keys.Path;
    });

    /// <summary>A bare repository, addressed as <c>ssh://git@127.0.0.1/&lt;its path&gt;</c>.</summary>
    private (string Url, string Sha) Serve()
    {
        using var source = new SourceRepository("main");
        var sha = source.Commit("deploy", ("README.md", "deploy"));
        var bare = Path.Combine(_served.Path, "private.git");
        Repository.Clone(source.Path, bare, new LibGit2Sharp.CloneOptions { IsBare = true });
        return ($"ssh://git@127.0.0.1{bare}", sha);
    }

    /// <summary>
    /// Refuses like sshd ("Permission denied (publickey)") unless given <c>-i</c> with an owner-only file holding the
    /// test key; records the key file's path; then runs the remote command (its last argument) here.
    /// </summary>
    private string FakeSsh()
    {
        var script = _scratch.Child("ssh");
        File.WriteAllText(script, $$"""
            #!/bin/sh
            key=""; previous=""; command=""
            for argument in "$@"; do
              if [ "$previous" = "-i" ]; then key="$argument"; fi
              previous="$argument"; command="$argument"
            done
            if [ -z "$key" ] || [ "$(stat -c %a "$key")" != "600" ] || ! grep -q '{{Marker}}' "$key"; then
              echo "git@127.0.0.1: Permission denied (publickey)." >&2
              exit 255
            fi
            echo "$key" > '{{_scratch.Child("used-key")}}'
            exec sh -c "$command"
            """.ReplaceLineEndings("\n"));
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }

    public void Dispose()
    {
        _served.Dispose();
        _scratch.Dispose();
        _keys.Dispose();
    }
}

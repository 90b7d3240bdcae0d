using System.Globalization;
using System.Net;
using Docsfy.Contracts.Repositories;

namespace Docsfy.Worker.Cloning;

/// <summary>The <c>ssh</c> command line of one fetch (what git itself would run, plus Docsfy's limits).</summary>
internal static class SshCommand
{
    /// <summary>
    /// Arguments for <c>ssh</c>: never a prompt (<c>BatchMode</c>); give up on a host that does not answer or stops
    /// answering (<c>ConnectTimeout</c>, which covers the server's first words too, and the keep-alives); and connect to
    /// <paramref name="checkedAddress"/>, the address the host check approved, while the host's key is still checked
    /// under its name (<c>HostKeyAlias</c>) and the user's ssh configuration for that name still applies. Letting ssh
    /// resolve the name again would let a DNS answer that changed since the check reach a private address.
    /// With a project's deploy key (<paramref name="identity"/>), ssh offers that key and no other (not the worker's own
    /// keys, not an agent's); with its known_hosts lines, the host key must be one of them.
    /// </summary>
    public static IReadOnlyList<string> Arguments(RepositoryAddress address, IPAddress checkedAddress, CloningOptions settings,
        SshIdentity? identity = null)
    {
        List<string> arguments =
        [
            "-o", "BatchMode=yes",
            "-o", $"ConnectTimeout={Seconds(settings.SshConnectTimeout)}",
            "-o", $"ServerAliveInterval={Seconds(settings.SshServerAliveInterval)}",
            "-o", $"ServerAliveCountMax={settings.SshServerAliveCountMax.ToString(CultureInfo.InvariantCulture)}",
            "-o", $"HostName={checkedAddress}",
            "-o", $"HostKeyAlias={address.Host}",
            "-o", "CheckHostIP=no",
        ];
        if (identity is not null)
        {
            arguments.AddRange(["-i", identity.KeyFile, "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none"]);
            if (identity.KnownHostsFile is { } knownHosts)
            {
                arguments.AddRange(["-o", $"UserKnownHostsFile={knownHosts}", "-o", "GlobalKnownHostsFile=/dev/null",
                    "-o", "StrictHostKeyChecking=yes"]);
            }
        }
        if (address.Port is { } port)
        {
            arguments.AddRange(["-p", port.ToString(CultureInfo.InvariantCulture)]);
        }
        // The address rules allow only the 'git' user and a host name or IP literal, never an option.
        arguments.AddRange(["--", $"git@{address.Host}", $"git-upload-pack {Quoted(RemotePath(address.Path))}"]);
        return arguments;
    }

    /// <summary>As git does: <c>ssh://host/~user/repo</c> means <c>~user/repo</c>, relative to a home folder.</summary>
    private static string RemotePath(string path) => path.StartsWith("/~", StringComparison.Ordinal) ? path[1..] : path;

    /// <summary>The remote side runs the command through a shell: one single-quoted word, as git quotes it.</summary>
    private static string Quoted(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string Seconds(TimeSpan value) =>
        ((int)Math.Ceiling(value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}

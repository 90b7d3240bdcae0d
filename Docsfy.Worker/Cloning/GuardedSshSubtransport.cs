using Docsfy.Contracts.Repositories;
using LibGit2Sharp;

namespace Docsfy.Worker.Cloning;

/// <summary>
/// Replaces libgit2's ssh transport, which runs <c>ssh</c> itself: it resolves the host name again after Docsfy's check,
/// has no time limit of its own, and leaves its <c>ssh</c> running when a clone is given up (abort, time limit), with the
/// clone's thread blocked on it. Here Docsfy starts <c>ssh</c> (<see cref="SshCommand"/>) and owns the process: the
/// clone's deadline kills its whole tree, which also ends the read the thread was blocked in.
/// </summary>
internal sealed class GuardedSshSubtransport : SmartSubtransport
{
    private static readonly Lazy<bool> Registration = new(() =>
    {
        // Also serves scp-like addresses (git@host:owner/repo): libgit2 looks them up as ssh.
        GlobalSettings.RegisterSmartSubtransport<GuardedSshSubtransport>("ssh");
        return true;
    });

    private SshConnection? _connection;

    /// <summary>Registers the transport for ssh, once per process.</summary>
    public static void EnsureRegistered() => _ = Registration.Value;

    /// <summary>
    /// ssh is a stateful protocol: listing the references opens the connection, and the fetch that follows goes on over
    /// the same one.
    /// </summary>
    protected override SmartSubtransportStream Action(string url, GitSmartSubtransportAction action)
    {
        switch (action)
        {
            case GitSmartSubtransportAction.UploadPackList:
                _connection?.Stop();
                _connection = Open(url);
                return _connection;
            case GitSmartSubtransportAction.UploadPack when _connection is not null:
                return _connection;
            default:
                throw new NotSupportedException("Docsfy only fetches.");
        }
    }

    protected override void Close()
    {
        _connection?.Stop();
        _connection = null;
    }

    private SshConnection Open(string url)
    {
        var scope = CloneNetworkScope.Current;
        if (!RepositoryAddress.TryParse(url, scope.AllowLoopback, out var address, out var problem) || address.Scheme != "ssh")
        {
            scope.TransportFailure = problem ?? "Not an ssh repository address.";
            throw new InvalidOperationException(scope.TransportFailure);
        }
        if (scope.CheckedAddress is not { } checkedAddress)
        {
            // Only a clone that checked its host may connect: never let ssh pick an address on its own.
            scope.TransportFailure = "The repository host was not checked before connecting.";
            throw new InvalidOperationException(scope.TransportFailure);
        }
        return new SshConnection(this, scope.Settings.SshPath, SshCommand.Arguments(address, checkedAddress, scope.Settings, scope.SshIdentity),
            scope, address.Url);
    }
}

using Docsfy.Credentials;

namespace Docsfy.Worker.Cloning;

/// <summary>
/// What the HTTP transport needs to know about the clone running on this thread: whether loopback is allowed and when to
/// give up. libgit2 calls the transport back on the thread that started the clone, so a thread-static reaches it; a
/// fetch started elsewhere without a scope gets the strict defaults.
/// </summary>
internal sealed class CloneNetworkScope : IDisposable
{
    private static readonly CloneNetworkScope Strict = new(false, CancellationToken.None, null, new CloningOptions(), null);

    [ThreadStatic]
    private static CloneNetworkScope? t_current;

    private CloneNetworkScope? _previous;
    private SshIdentity? _sshIdentity;

    private CloneNetworkScope(bool allowLoopback, CancellationToken cancellationToken, System.Net.IPAddress? checkedAddress,
        CloningOptions settings, RepositoryCredential? credential)
    {
        AllowLoopback = allowLoopback;
        CancellationToken = cancellationToken;
        CheckedAddress = checkedAddress;
        Settings = settings;
        Credential = credential;
    }

    public static CloneNetworkScope Current => t_current ?? Strict;

    public bool AllowLoopback { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>The address the host check approved, for transports that connect by name (ssh); null refuses them.</summary>
    public System.Net.IPAddress? CheckedAddress { get; }

    public CloningOptions Settings { get; }

    /// <summary>The project's credential for this fetch, or null (a public repository).</summary>
    public RepositoryCredential? Credential { get; }

    /// <summary>
    /// The ssh key (and known_hosts) of <see cref="Credential"/> as files ssh can read, written on first use and deleted
    /// when the scope ends; null without an ssh key.
    /// </summary>
    public SshIdentity? SshIdentity =>
        _sshIdentity ??= Credential is { Kind: CredentialKind.SshKey } key ? SshIdentity.Write(key, Settings.SshKeyDirectory) : null;

    /// <summary>
    /// Why the transport failed, in words users can act on. LibGit2Sharp does not pass a transport exception's message on
    /// to libgit2's error, so the transport leaves it here for the cloner.
    /// </summary>
    public string? TransportFailure { get; set; }

    public static CloneNetworkScope Enter(CloningOptions settings, CloneOrigin origin, CancellationToken cancellationToken)
    {
        var scope = new CloneNetworkScope(settings.AllowLoopbackHosts, cancellationToken, origin.CheckedAddress, settings,
            origin.Credential)
        {
            _previous = t_current,
        };
        t_current = scope;
        return scope;
    }

    public void Dispose()
    {
        t_current = _previous;
        _sshIdentity?.Dispose();
    }
}

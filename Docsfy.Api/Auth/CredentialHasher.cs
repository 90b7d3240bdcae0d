using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Docsfy.Api.Auth;

/// <summary>
/// Keyed hashes of credentials. Only these hashes are stored; a database dump alone gives an attacker nothing to try
/// offline without the server secret. Each kind of credential is hashed in its own domain so a session token can never
/// be presented as an API key or the other way round.
/// </summary>
public sealed class CredentialHasher
{
    private readonly byte[] _secret;
    private readonly byte[] _adminKeyHash;

    public CredentialHasher(IOptions<AuthOptions> options)
    {
        _secret = Encoding.UTF8.GetBytes(options.Value.KeyHashSecret);
        _adminKeyHash = Hash("admin-key", options.Value.AdminKey);
    }

    public byte[] HashApiKey(string apiKey) => Hash("api-key", apiKey);

    public byte[] HashSessionToken(string token) => Hash("session", token);

    /// <summary>
    /// Tells a private repository's token apart from another (what <c>GET …/credentials</c> shows) without giving away
    /// anything to check a guess against: keyed, unlike a plain hash, so a weak token or a password used as one cannot be
    /// confirmed offline, and the same token under two projects is only recognisable by this server.
    /// </summary>
    public string RepositoryTokenFingerprint(string token) =>
        "HMAC:" + Convert.ToBase64String(Hash("repository-token", token).AsSpan(0, 16)).TrimEnd('=');

    /// <summary>Identifies the current admin key in admin sessions, so they end when the admin key changes.</summary>
    public byte[] AdminKeyFingerprint => _adminKeyHash;

    /// <summary>Constant-time check of a presented key against the admin key.</summary>
    public bool IsAdminKey(string candidate) =>
        CryptographicOperations.FixedTimeEquals(Hash("admin-key", candidate), _adminKeyHash);

    public static bool HashesEqual(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right) =>
        CryptographicOperations.FixedTimeEquals(left, right);

    private byte[] Hash(string domain, string value) =>
        HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes($"{domain}:{value}"));
}

using System.Security.Cryptography;
using System.Text;
using Docsfy.Api.Auth;
using Microsoft.Extensions.Options;

namespace Docsfy.Api.Refresh;

/// <summary>
/// Webhook ids and secrets (docs/design/refresh.md §3). A host signs a delivery with the secret itself (an HMAC of the
/// body), so the API must be able to produce it again, not merely check a hash of it. Rather than store it encrypted
/// (and share a key ring between replicas), each project's secret is derived: HMAC-SHA256 under the server secret
/// (<c>DOCSFY_KEY_HASH_SECRET</c>, which every replica already has) of the project's webhook id and a random nonce. Only
/// the nonce is stored; rotating replaces it. A database dump therefore gives no secret, every replica verifies every
/// delivery, and nothing new has to be kept or backed up. Changing the server secret (which already invalidates every
/// API key) invalidates every webhook secret as well.
/// </summary>
public sealed class WebhookSecrets
{
    private const string Domain = "webhook-secret";
    private readonly byte[] _serverSecret;

    public WebhookSecrets(IOptions<AuthOptions> options) =>
        _serverSecret = Encoding.UTF8.GetBytes(options.Value.KeyHashSecret);

    /// <summary>Stands in for the secret of an unknown webhook id, so its delivery costs the same work as a real one.</summary>
    public string Decoy { get; } = "whsec_" + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>A new webhook id: 24 random bytes, unguessable, safe in a URL.</summary>
    public static string NewWebhookId() => Base64Url(RandomNumberGenerator.GetBytes(24));

    public static byte[] NewNonce() => RandomNumberGenerator.GetBytes(32);

    /// <summary>Ids are exactly what <see cref="NewWebhookId"/> makes; anything else names no webhook.</summary>
    public static bool IsWellFormedId(string id) =>
        id.Length == 32 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The project's webhook secret, as the owner enters it at the host.</summary>
    public string SecretOf(string webhookId, byte[] nonce)
    {
        var input = Encoding.UTF8.GetBytes($"{Domain}:{webhookId}:{Convert.ToHexString(nonce)}");
        return "whsec_" + Base64Url(HMACSHA256.HashData(_serverSecret, input));
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

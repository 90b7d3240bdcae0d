using System.Security.Cryptography;
using System.Text;

namespace Docsfy.Api.Refresh.Webhooks;

/// <summary>
/// Tells which host sent a delivery and checks it the host's way against the project's secret (docs/design/refresh.md
/// §4). Every comparison is constant-time; a header given twice, a malformed signature or a missing one is simply not
/// verified. Nothing here says why a delivery failed, so the answer cannot be used to learn about a secret.
/// </summary>
public static class WebhookVerifier
{
    /// <summary>The longest delivery id kept; hosts send UUIDs or similar.</summary>
    public const int MaxDeliveryIdLength = 128;

    public static WebhookCheck Check(IHeaderDictionary headers, ReadOnlySpan<byte> body, string secret)
    {
        if (One(headers, "X-Gitea-Event") is { } giteaEvent)
        {
            return new(WebhookHost.Gitea, HexSignatureMatches(One(headers, "X-Gitea-Signature"), body, secret),
                DeliveryId(headers, "X-Gitea-Delivery"), giteaEvent);
        }
        if (One(headers, "X-Forgejo-Event") is { } forgejoEvent)
        {
            return new(WebhookHost.Gitea, HexSignatureMatches(One(headers, "X-Forgejo-Signature"), body, secret),
                DeliveryId(headers, "X-Forgejo-Delivery"), forgejoEvent);
        }
        if (One(headers, "X-GitHub-Event") is { } gitHubEvent)
        {
            return new(WebhookHost.GitHub, PrefixedSignatureMatches(One(headers, "X-Hub-Signature-256"), body, secret),
                DeliveryId(headers, "X-GitHub-Delivery"), gitHubEvent);
        }
        if (One(headers, "X-Gitlab-Event") is { } gitLabEvent)
        {
            return new(WebhookHost.GitLab, TokenMatches(One(headers, "X-Gitlab-Token"), secret),
                DeliveryId(headers, "X-Gitlab-Event-UUID"), gitLabEvent);
        }
        if (One(headers, "X-Event-Key") is { } bitbucketEvent)
        {
            // Bitbucket Cloud names the delivery X-Request-UUID, Bitbucket Data Center X-Request-Id.
            return new(WebhookHost.Bitbucket, PrefixedSignatureMatches(One(headers, "X-Hub-Signature"), body, secret),
                DeliveryId(headers, "X-Request-UUID") ?? DeliveryId(headers, "X-Request-Id"), bitbucketEvent);
        }
        var authorization = One(headers, "Authorization");
        var token = authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? authorization["Bearer ".Length..].Trim()
            : null;
        return new(WebhookHost.Generic, TokenMatches(token, secret), DeliveryId(headers, "X-Delivery-Id"), "push");
    }

    /// <summary><c>sha256=&lt;hex&gt;</c> (GitHub, Bitbucket).</summary>
    private static bool PrefixedSignatureMatches(string? header, ReadOnlySpan<byte> body, string secret) =>
        header is not null && header.StartsWith("sha256=", StringComparison.Ordinal)
        && HexSignatureMatches(header["sha256=".Length..], body, secret);

    /// <summary>The hex HMAC-SHA256 of the body under the secret, in either case.</summary>
    private static bool HexSignatureMatches(string? hex, ReadOnlySpan<byte> body, string secret)
    {
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, expected);
        Span<byte> given = stackalloc byte[HMACSHA256.HashSizeInBytes];
        return hex is { Length: HMACSHA256.HashSizeInBytes * 2 }
            && Convert.FromHexString(hex, given, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == given.Length
            && CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>The secret itself (GitLab, generic): compared as hashes, so not even its length leaks.</summary>
    private static bool TokenMatches(string? token, string secret) =>
        token is not null && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(token)), SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>A header's value when it is given exactly once.</summary>
    private static string? One(IHeaderDictionary headers, string name) =>
        headers.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;

    /// <summary>A usable delivery id: printable ASCII of reasonable length; anything else counts as none.</summary>
    private static string? DeliveryId(IHeaderDictionary headers, string name) =>
        One(headers, name) is { Length: > 0 and <= MaxDeliveryIdLength } id && id.All(c => c is > ' ' and < '\x7f') ? id : null;
}

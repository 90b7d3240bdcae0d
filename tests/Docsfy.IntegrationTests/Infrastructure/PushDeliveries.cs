using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>
/// Push deliveries as each kind of host sends them (headers, signature, payload shape), so tests can post exactly what
/// GitHub, GitLab, Gitea, Bitbucket or a generic script would.
/// </summary>
public static class PushDeliveries
{
    public static readonly string[] Hosts = ["github", "gitlab", "gitea", "bitbucket", "generic"];

    /// <summary>A push of <paramref name="branch"/> at <paramref name="commitSha"/>, signed with <paramref name="secret"/>.</summary>
    public static HttpRequestMessage Push(string host, string webhookUrl, string secret, string branch, string commitSha,
        string deliveryId) => Request(host, webhookUrl, secret, Encoding.UTF8.GetBytes(Payload(host, branch, commitSha)), deliveryId);

    /// <summary>A delivery of exactly <paramref name="body"/>, signed (or carrying the token) the host's way.</summary>
    public static HttpRequestMessage Request(string host, string webhookUrl, string secret, byte[] body, string deliveryId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(webhookUrl).PathAndQuery)
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var headers = request.Headers;
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
        switch (host)
        {
            case "github":
                headers.Add("X-GitHub-Event", "push");
                headers.Add("X-GitHub-Delivery", deliveryId);
                headers.Add("X-Hub-Signature-256", "sha256=" + signature);
                break;
            case "gitlab":
                headers.Add("X-Gitlab-Event", "Push Hook");
                headers.Add("X-Gitlab-Event-UUID", deliveryId);
                headers.Add("X-Gitlab-Token", secret);
                break;
            case "gitea":
                headers.Add("X-Gitea-Event", "push");
                headers.Add("X-Gitea-Delivery", deliveryId);
                headers.Add("X-Gitea-Signature", signature);
                break;
            case "bitbucket":
                headers.Add("X-Event-Key", "repo:refs_changed");
                headers.Add("X-Request-Id", deliveryId);
                headers.Add("X-Hub-Signature", "sha256=" + signature);
                break;
            default:
                headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
                headers.Add("X-Delivery-Id", deliveryId);
                break;
        }
        return request;
    }

    /// <summary>The host's push payload, cut down to what a push says about the branch.</summary>
    public static string Payload(string host, string branch, string commitSha) => host == "bitbucket"
        ? $$"""{"eventKey":"repo:refs_changed","changes":[{"ref":{"id":"refs/heads/{{branch}}","displayId":"{{branch}}","type":"BRANCH"},"toHash":"{{commitSha}}","type":"UPDATE"}]}"""
        : $$"""{"ref":"refs/heads/{{branch}}","before":"0a1b2c","after":"{{commitSha}}","commits":[{"id":"{{commitSha}}","message":"docs"}]}""";
}

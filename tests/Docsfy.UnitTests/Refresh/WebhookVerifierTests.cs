using System.Security.Cryptography;
using System.Text;
using Docsfy.Api.Refresh.Webhooks;
using Microsoft.AspNetCore.Http;

namespace Docsfy.UnitTests.Refresh;

/// <summary>Each host's way of proving the secret, and every way of failing to.</summary>
public sealed class WebhookVerifierTests
{
    private const string Secret = "whsec_the-project-secret";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"ref":"refs/heads/main","after":"abc"}""");

    private static string Hex(string secret, byte[] body) => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>A delivery as the host sends it, signed (or holding the token) with <paramref name="secret"/>.</summary>
    public static HeaderDictionary Signed(WebhookHost host, string secret, byte[] body) => host switch
    {
        WebhookHost.GitHub => new()
        {
            ["X-GitHub-Event"] = "push", ["X-GitHub-Delivery"] = "gh-1", ["X-Hub-Signature-256"] = "sha256=" + Hex(secret, body),
        },
        WebhookHost.GitLab => new() { ["X-Gitlab-Event"] = "Push Hook", ["X-Gitlab-Event-UUID"] = "gl-1", ["X-Gitlab-Token"] = secret },
        WebhookHost.Gitea => new() { ["X-Gitea-Event"] = "push", ["X-Gitea-Delivery"] = "gt-1", ["X-Gitea-Signature"] = Hex(secret, body) },
        WebhookHost.Bitbucket => new()
        {
            ["X-Event-Key"] = "repo:refs_changed", ["X-Request-Id"] = "bb-1", ["X-Hub-Signature"] = "sha256=" + Hex(secret, body),
        },
        _ => new() { ["Authorization"] = "Bearer " + secret, ["X-Delivery-Id"] = "generic-1" },
    };

    [Theory]
    [InlineData(WebhookHost.GitHub, "gh-1", "push")]
    [InlineData(WebhookHost.GitLab, "gl-1", "Push Hook")]
    [InlineData(WebhookHost.Gitea, "gt-1", "push")]
    [InlineData(WebhookHost.Bitbucket, "bb-1", "repo:refs_changed")]
    [InlineData(WebhookHost.Generic, "generic-1", "push")]
    public void A_delivery_signed_with_the_secret_is_verified_the_hosts_way(WebhookHost host, string deliveryId, string hostEvent)
    {
        var check = WebhookVerifier.Check(Signed(host, Secret, Body), Body, Secret);
        Assert.Equal(new WebhookCheck(host, true, deliveryId, hostEvent), check);
    }

    [Theory]
    [InlineData(WebhookHost.GitHub)]
    [InlineData(WebhookHost.GitLab)]
    [InlineData(WebhookHost.Gitea)]
    [InlineData(WebhookHost.Bitbucket)]
    [InlineData(WebhookHost.Generic)]
    public void Another_secret_is_not_verified(WebhookHost host)
    {
        var check = WebhookVerifier.Check(Signed(host, "whsec_someone-elses", Body), Body, Secret);
        Assert.Equal(host, check.Host);
        Assert.False(check.Verified);
    }

    [Theory]
    [InlineData(WebhookHost.GitHub)]
    [InlineData(WebhookHost.Gitea)]
    [InlineData(WebhookHost.Bitbucket)]
    public void A_signature_of_another_body_is_not_verified(WebhookHost host)
    {
        var tampered = Encoding.UTF8.GetBytes("""{"ref":"refs/heads/evil","after":"abc"}""");
        Assert.False(WebhookVerifier.Check(Signed(host, Secret, Body), tampered, Secret).Verified);
    }

    [Theory]
    [InlineData("X-GitHub-Event", "push", "X-Hub-Signature-256", null)]
    [InlineData("X-GitHub-Event", "push", "X-Hub-Signature-256", "")]
    [InlineData("X-GitHub-Event", "push", "X-Hub-Signature-256", "sha1=0123")]
    [InlineData("X-GitHub-Event", "push", "X-Hub-Signature-256", "sha256=not-hex-at-all")]
    [InlineData("X-GitHub-Event", "push", "X-Hub-Signature-256", "sha256=00")]
    [InlineData("X-Gitea-Event", "push", "X-Gitea-Signature", "zz")]
    [InlineData("X-Event-Key", "repo:push", "X-Hub-Signature", "sha256=")]
    [InlineData("X-Gitlab-Event", "Push Hook", "X-Gitlab-Token", "")]
    [InlineData("X-Gitlab-Event", "Push Hook", "X-Gitlab-Token", null)]
    public void Unsigned_and_malformed_signatures_are_not_verified(string eventHeader, string hostEvent, string signatureHeader,
        string? signature)
    {
        var headers = new HeaderDictionary { [eventHeader] = hostEvent };
        if (signature is not null)
        {
            headers[signatureHeader] = signature;
        }
        Assert.False(WebhookVerifier.Check(headers, Body, Secret).Verified);
    }

    [Fact]
    public void A_signature_in_upper_case_hex_is_still_the_signature() =>
        Assert.True(WebhookVerifier.Check(new HeaderDictionary
        {
            ["X-GitHub-Event"] = "push", ["X-Hub-Signature-256"] = "sha256=" + Hex(Secret, Body).ToUpperInvariant(),
        }, Body, Secret).Verified);

    [Fact]
    public void A_header_given_twice_proves_nothing()
    {
        var headers = Signed(WebhookHost.GitHub, Secret, Body);
        headers["X-Hub-Signature-256"] = new(["sha256=" + Hex(Secret, Body), "sha256=" + Hex("other", Body)]);
        Assert.False(WebhookVerifier.Check(headers, Body, Secret).Verified);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic d2hzZWM=")]
    [InlineData("Bearer")]
    [InlineData("Bearer whsec_the-project-secre")]
    [InlineData("Bearer whsec_the-project-secret-and-more")]
    public void The_generic_form_needs_exactly_the_secret_as_a_bearer_token(string? authorization)
    {
        var headers = new HeaderDictionary();
        if (authorization is not null)
        {
            headers["Authorization"] = authorization;
        }
        var check = WebhookVerifier.Check(headers, Body, Secret);
        Assert.Equal(WebhookHost.Generic, check.Host);
        Assert.False(check.Verified);
    }

    [Fact]
    public void Gitea_is_told_from_github_though_it_sends_github_headers_too()
    {
        // Gitea and Forgejo also send X-GitHub-Event and X-Hub-Signature-256 for compatibility.
        var headers = Signed(WebhookHost.Gitea, Secret, Body);
        headers["X-GitHub-Event"] = "push";
        headers["X-Hub-Signature-256"] = "sha256=" + Hex("other", Body);
        var check = WebhookVerifier.Check(headers, Body, Secret);
        Assert.Equal((WebhookHost.Gitea, true), (check.Host, check.Verified));
    }

    [Fact]
    public void Forgejo_signs_like_gitea_under_its_own_names()
    {
        var check = WebhookVerifier.Check(new HeaderDictionary
        {
            ["X-Forgejo-Event"] = "push", ["X-Forgejo-Delivery"] = "fj-1", ["X-Forgejo-Signature"] = Hex(Secret, Body),
        }, Body, Secret);
        Assert.Equal(new WebhookCheck(WebhookHost.Gitea, true, "fj-1", "push"), check);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("ctrl\u0001char")]
    public void An_unusable_delivery_id_counts_as_none(string deliveryId)
    {
        var headers = Signed(WebhookHost.GitHub, Secret, Body);
        headers["X-GitHub-Delivery"] = deliveryId;
        Assert.Null(WebhookVerifier.Check(headers, Body, Secret).DeliveryId);
    }

    [Fact]
    public void An_overlong_delivery_id_counts_as_none()
    {
        var headers = Signed(WebhookHost.GitHub, Secret, Body);
        headers["X-GitHub-Delivery"] = new string('a', WebhookVerifier.MaxDeliveryIdLength + 1);
        Assert.Null(WebhookVerifier.Check(headers, Body, Secret).DeliveryId);
    }
}

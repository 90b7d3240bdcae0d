using System.Text;
using System.Text.Json;
using Docsfy.Api.Refresh.Webhooks;

namespace Docsfy.UnitTests.Refresh;

/// <summary>Which branches each host's push payload names.</summary>
public sealed class PushPayloadTests
{
    private static IReadOnlyList<string> Branches(WebhookHost host, string json) =>
        PushPayload.BranchesOf(host, Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData(WebhookHost.GitHub)]
    [InlineData(WebhookHost.GitLab)]
    [InlineData(WebhookHost.Gitea)]
    [InlineData(WebhookHost.Generic)]
    public void A_branch_push_names_its_branch(WebhookHost host) =>
        Assert.Equal(["release-1.2"], Branches(host, """{"ref":"refs/heads/release-1.2","after":"0a1b","commits":[{"id":"0a1b"}]}"""));

    [Theory]
    [InlineData("""{"ref":"refs/tags/v1.0","after":"0a1b"}""")]
    [InlineData("""{"ref":"refs/heads/main","after":"0000000000000000000000000000000000000000"}""")]
    [InlineData("""{"ref":"refs/heads/main","deleted":true}""")]
    [InlineData("""{"ref":42}""")]
    [InlineData("""{"zen":"Keep it logically awesome."}""")]
    [InlineData("""["refs/heads/main"]""")]
    public void Tags_deleted_branches_and_other_shapes_name_no_branch(string json) =>
        Assert.Empty(Branches(WebhookHost.GitHub, json));

    [Fact]
    public void Bitbucket_cloud_names_each_changed_branch_but_not_deleted_ones_or_tags() =>
        Assert.Equal(["main", "dev"], Branches(WebhookHost.Bitbucket, """
            {"push":{"changes":[
              {"new":{"type":"branch","name":"main"}},
              {"new":null,"old":{"type":"branch","name":"gone"}},
              {"new":{"type":"tag","name":"v1"}},
              {"new":{"type":"branch","name":"dev"}},
              {"new":{"type":"branch","name":"main"}}]}}
            """));

    [Fact]
    public void Bitbucket_data_center_names_each_updated_branch_but_not_deleted_ones_or_tags() =>
        Assert.Equal(["main"], Branches(WebhookHost.Bitbucket, """
            {"eventKey":"repo:refs_changed","changes":[
              {"ref":{"id":"refs/heads/main","displayId":"main","type":"BRANCH"},"type":"UPDATE"},
              {"ref":{"id":"refs/heads/old","displayId":"old","type":"BRANCH"},"type":"DELETE"},
              {"ref":{"id":"refs/tags/v2","displayId":"v2","type":"TAG"},"type":"ADD"}]}
            """));

    [Fact]
    public void A_body_that_is_not_json_is_an_error_not_a_crash() =>
        Assert.ThrowsAny<JsonException>(() => Branches(WebhookHost.Generic, "ref=refs/heads/main"));

    [Theory]
    [InlineData(WebhookHost.GitHub, "push", true)]
    [InlineData(WebhookHost.GitHub, "ping", false)]
    [InlineData(WebhookHost.GitHub, "issues", false)]
    [InlineData(WebhookHost.GitLab, "Push Hook", true)]
    [InlineData(WebhookHost.GitLab, "Tag Push Hook", false)]
    [InlineData(WebhookHost.Gitea, "push", true)]
    [InlineData(WebhookHost.Bitbucket, "repo:push", true)]
    [InlineData(WebhookHost.Bitbucket, "repo:refs_changed", true)]
    [InlineData(WebhookHost.Bitbucket, "pr:opened", false)]
    [InlineData(WebhookHost.Generic, "push", true)]
    public void Only_push_events_are_pushes(WebhookHost host, string hostEvent, bool isPush) =>
        Assert.Equal(isPush, PushPayload.IsPush(host, hostEvent));
}

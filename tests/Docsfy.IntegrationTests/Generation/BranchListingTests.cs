using System.Net;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Generation;

/// <summary>
/// <c>GET /api/branches</c>: a repository's branches, checked by the API as for a run and read by a worker under the
/// clone's host rules, so a user can pick a branch that exists (the dashboard's "Edit and retry").
/// </summary>
[Collection(DocsfyCollection.Name)]
public sealed class BranchListingTests(DocsfyAppFixture fixture)
{
    [Fact]
    public async Task The_branches_of_a_local_or_served_repository_are_listed_in_natural_order()
    {
        using var client = fixture.Host.Client();
        var user = await Users.CreateAsync(client, "branches-user", "user");
        using var served = ServedRepository.Create("branches", GenerationTests.SampleFiles);
        GitRepositories.Branch(served.Path, "release-10");
        GitRepositories.Branch(served.Path, "release-9");

        var local = (await client.GetAsync($"/api/branches?repo_path={Uri.EscapeDataString(served.Path)}", DocsfyAppFixture.Admin))
            .AssertStatus(HttpStatusCode.OK);
        Assert.Equal(["main", "release-9", "release-10"], Branches(local));
        var overHttp = (await client.GetAsync($"/api/branches?repo_url={Uri.EscapeDataString(served.Url)}", user.Bearer))
            .AssertStatus(HttpStatusCode.OK);
        Assert.Equal(["main", "release-9", "release-10"], Branches(overHttp));
    }

    [Fact]
    public async Task A_repository_that_cannot_be_listed_is_a_clear_4xx_at_its_field()
    {
        using var client = fixture.Host.Client();
        var user = await Users.CreateAsync(client, "branches-bad", "user");
        var viewer = await Users.CreateAsync(client, "branches-viewer", "viewer");
        var plain = Directory.CreateTempSubdirectory("docsfy-plain-").FullName;
        using var served = ServedRepository.Create("branches-gone", GenerationTests.SampleFiles);
        var missing = served.Url.Replace(served.Name, "no-such-repository", StringComparison.Ordinal);

        async Task<Reply> Refused(string query, Credential who, HttpStatusCode status) =>
            (await client.GetAsync($"/api/branches?{query}", who)).AssertError(status);

        Assert.Equal("repo_path", (await Refused($"repo_path={Uri.EscapeDataString(plain)}", DocsfyAppFixture.Admin, HttpStatusCode.BadRequest)).String("field"));
        var gone = await Refused($"repo_url={Uri.EscapeDataString(missing)}", user.Bearer, HttpStatusCode.BadRequest);
        Assert.Equal("repo_url", gone.String("field"));
        Assert.Contains("could not be read", gone.Detail, StringComparison.Ordinal);
        // The host rules of a clone: internal addresses are refused before any worker is asked.
        Assert.Equal("repo_url", (await Refused("repo_url=http%3A%2F%2F10.0.0.1%2Fa%2Fb.git", user.Bearer, HttpStatusCode.BadRequest)).String("field"));
        await Refused($"repo_path={Uri.EscapeDataString(served.Path)}", user.Bearer, HttpStatusCode.Forbidden);
        await Refused("repo_url=https%3A%2F%2Fgithub.com%2Fa%2Fb", viewer.Bearer, HttpStatusCode.Forbidden);
        await Refused("", user.Bearer, HttpStatusCode.BadRequest);
        (await client.GetAsync("/api/branches?repo_url=https%3A%2F%2Fgithub.com%2Fa%2Fb")).AssertStatus(HttpStatusCode.Unauthorized);
    }

    private static List<string?> Branches(Reply reply) =>
        [.. reply.Json.GetProperty("branches").EnumerateArray().Select(branch => branch.GetString())];
}

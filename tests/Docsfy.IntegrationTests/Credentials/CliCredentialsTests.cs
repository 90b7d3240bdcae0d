using System.Runtime.Versioning;
using System.Text.Json;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Credentials;

/// <summary><c>docsfy credentials</c> against the real app host: the token goes in through standard input and never comes out.</summary>
[Collection(DocsfyCollection.Name)]
[UnsupportedOSPlatform("windows")]
public sealed class CliCredentialsTests(DocsfyAppFixture fixture)
{
    [Fact]
    public async Task Set_show_and_delete_a_token_without_it_ever_being_printed()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "cli-cred", "user");
        var name = DocsfyAppFixture.UniqueName("cli-cred");
        await VariantRows.InsertAsync(fixture.Host, name, owner.Username, provider: "offline", model: "markdown");
        using var tool = new CliTool();
        tool.Environment["DOCSFY_URL"] = fixture.Host.ApiBaseAddress.ToString();
        tool.Environment["DOCSFY_API_KEY"] = owner.ApiKey;
        var token = $"glpat-{Guid.NewGuid():N}";

        var set = await tool.RunAsync(["credentials", "set", name, "--username", "oauth2", "--token-stdin"], token + "\n", CliTool.DefaultTimeout);
        var shown = await tool.RunAsync("--json", "credentials", "show", name);
        var neither = await tool.RunAsync("credentials", "set", name);
        var deleted = await tool.RunAsync("credentials", "delete", name);
        var gone = await tool.RunAsync("credentials", "show", name);

        Assert.True(set.ExitCode == 0, set.ToString());
        Assert.Contains("https_token (username oauth2)", set.Output, StringComparison.Ordinal);
        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Equal("oauth2", JsonDocument.Parse(shown.Output).RootElement.GetProperty("username").GetString());
        Assert.Equal(2, neither.ExitCode);
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.Equal(4, gone.ExitCode);
        foreach (var result in new[] { set, shown, neither, deleted, gone })
        {
            Assert.DoesNotContain(token, result.Output + result.Error, StringComparison.Ordinal);
        }
    }
}

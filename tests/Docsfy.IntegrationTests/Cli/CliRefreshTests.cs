using System.Net;
using System.Runtime.Versioning;
using System.Text.Json;
using System.Text.RegularExpressions;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Cli;

/// <summary>The real <c>docsfy refresh</c> against the real app host: settings shown and changed, the secret shown once.</summary>
[Collection(DocsfyCollection.Name)]
[UnsupportedOSPlatform("windows")]
public sealed class CliRefreshTests(DocsfyAppFixture fixture)
{
    private static readonly Regex Secret = new(@"^whsec_[A-Za-z0-9_-]{43}$", RegexOptions.Multiline);

    private CliTool ToolOf(string apiKey)
    {
        var tool = new CliTool();
        tool.Environment["DOCSFY_URL"] = fixture.Host.ApiBaseAddress.ToString();
        tool.Environment["DOCSFY_API_KEY"] = apiKey;
        return tool;
    }

    [Fact]
    public async Task The_owner_sets_up_refresh_changes_one_setting_at_a_time_and_gets_a_working_secret_once()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "cli-refresh", "user");
        var name = DocsfyAppFixture.UniqueName("cli-refresh");
        await VariantRows.InsertAsync(fixture.Host, name, owner.Username);
        await VariantRows.InsertAsync(fixture.Host, name, owner.Username, branch: "dev");
        using var tool = ToolOf(owner.ApiKey);

        var initial = await tool.RunAsync("refresh", "show", name);
        Assert.True(initial.ExitCode == 0, initial.ToString());
        Assert.Contains("off", initial.Output, StringComparison.Ordinal);
        Assert.Contains("none yet", initial.Output, StringComparison.Ordinal);

        // The first set creates the webhook: its secret is printed this once, alone on its line, said to be shown once.
        var created = await tool.RunAsync("refresh", "set", name, "--interval", "60", "--on-push", "true", "--variants", "dev/cursor/gpt-5");
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Contains("every 60 minutes", created.Output, StringComparison.Ordinal);
        Assert.Contains("shown once", created.Output, StringComparison.Ordinal);
        var secret = Secret.Match(created.Output).Value;
        Assert.NotEmpty(secret);

        // Read again: the same settings, never the secret.
        var shown = await tool.RunAsync("refresh", "show", name, "--json");
        Assert.True(shown.ExitCode == 0, shown.ToString());
        var settings = JsonDocument.Parse(shown.Output).RootElement;
        Assert.False(settings.TryGetProperty("webhook_secret", out _));
        Assert.Equal((60, true), (settings.GetProperty("interval_minutes").GetInt32(), settings.GetProperty("on_push").GetBoolean()));
        var url = settings.GetProperty("webhook_url").GetString()!;
        Assert.DoesNotContain(secret, shown.Output, StringComparison.Ordinal);

        // The printed secret is the webhook's: a push to main (which does not follow) is verified and starts nothing.
        using (var push = PushDeliveries.Push("github", url, secret, "main", "abc", $"cli-{name}-1"))
        {
            Assert.Empty((await client.SendAsync(push)).AssertStatus(HttpStatusCode.OK).Json.GetProperty("runs").EnumerateArray());
        }

        // One option changes one setting; the rest stays.
        var noSchedule = await tool.RunAsync("refresh", "set", name, "--no-schedule", "--json");
        Assert.True(noSchedule.ExitCode == 0, noSchedule.ToString());
        var changed = JsonDocument.Parse(noSchedule.Output).RootElement;
        Assert.Equal(JsonValueKind.Null, changed.GetProperty("interval_minutes").ValueKind);
        Assert.True(changed.GetProperty("on_push").GetBoolean());
        Assert.Equal(["dev/cursor/gpt-5"], changed.GetProperty("variants").EnumerateArray().Select(v => v.GetString()));
        Assert.False(changed.TryGetProperty("webhook_secret", out _));

        // Rotating prints a new secret once; the old one is refused from then on.
        var rotated = await tool.RunAsync("refresh", "rotate-secret", name);
        Assert.True(rotated.ExitCode == 0, rotated.ToString());
        Assert.Contains("shown once", rotated.Output, StringComparison.Ordinal);
        var newSecret = Secret.Match(rotated.Output).Value;
        Assert.NotEmpty(newSecret);
        Assert.NotEqual(secret, newSecret);
        using (var stale = PushDeliveries.Push("github", url, secret, "main", "abc", $"cli-{name}-2"))
        {
            (await client.SendAsync(stale)).AssertError(HttpStatusCode.Unauthorized);
        }
        using (var fresh = PushDeliveries.Push("github", url, newSecret, "main", "abc", $"cli-{name}-3"))
        {
            (await client.SendAsync(fresh)).AssertStatus(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Bad_input_and_the_servers_refusals_are_one_line_with_the_documented_exit_code()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "cli-refresh-bad", "user");
        var grantee = await Users.CreateAsync(client, "cli-refresh-grantee", "user");
        var name = DocsfyAppFixture.UniqueName("cli-refresh-bad");
        await VariantRows.InsertAsync(fixture.Host, name, owner.Username);
        (await client.PostAsync($"/api/admin/projects/{name}/access", DocsfyAppFixture.Admin,
            new { username = grantee.Username, owner = owner.Username })).AssertStatus(HttpStatusCode.Created);
        using var tool = ToolOf(owner.ApiKey);

        // Refused before any request (exit 2), then by the server: a variant the project does not have (400, exit 2),
        // rotating before the webhook exists (409, exit 5), a project that is not there (404, exit 4).
        var cases = new (string[] Args, int ExitCode, string Says)[]
        {
            (["refresh", "set", name, "--interval", "-5"], 2, "--interval is a positive whole number of minutes."),
            (["refresh", "set", name, "--variants", "main/cursor"], 2, "\"main/cursor\" is neither"),
            (["refresh", "set", name, "--variants", "main/claude/opus"], 2, "This project has no variant main/claude/opus."),
            (["refresh", "rotate-secret", name], 5, "PUT them first"),
            (["refresh", "show", name + "-missing"], 4, "not found"),
        };
        foreach (var (args, exitCode, says) in cases)
        {
            var result = await tool.RunAsync(args);
            Assert.True(result.ExitCode == exitCode, result.ToString());
            Assert.Contains(says, result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        }
        // Nothing was saved by any of them.
        var settings = JsonDocument.Parse((await tool.RunAsync("refresh", "show", name, "--json")).Output).RootElement;
        Assert.Equal(JsonValueKind.Null, settings.GetProperty("webhook_url").ValueKind);

        // A grantee reads the project but not its refresh settings (403, exit 3); an admin names the owner.
        using var granteeTool = ToolOf(grantee.ApiKey);
        var refused = await granteeTool.RunAsync("refresh", "show", name, "--owner", owner.Username);
        Assert.True(refused.ExitCode == 3, refused.ToString());
        Assert.Contains("owner or an admin", refused.Error, StringComparison.Ordinal);
        using var adminTool = ToolOf(DocsfyAppHost.AdminKey);
        var byAdmin = await adminTool.RunAsync("refresh", "set", name, "--owner", owner.Username, "--on-push", "false");
        Assert.True(byAdmin.ExitCode == 0, byAdmin.ToString());
        Assert.Contains($"{name} (owner {owner.Username})", byAdmin.Output, StringComparison.Ordinal);
    }
}

using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Text.Json;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Cli;

/// <summary>The real <c>docsfy</c> tool against the real app host: logging in, profiles, keys and what fails how.</summary>
[Collection(DocsfyCollection.Name)]
[UnsupportedOSPlatform("windows")]
public sealed class CliAccountTests(DocsfyAppFixture fixture)
{
    private string Server => fixture.Host.ApiBaseAddress.ToString();

    [Fact]
    public async Task Login_saves_a_private_profile_that_later_commands_use_and_no_output_shows_the_key()
    {
        using var client = fixture.Host.Client();
        var alice = await Users.CreateAsync(client, "cli-login", "user");
        using var tool = new CliTool();

        var login = await tool.RunAsync(["login", "--url", Server, "--username", alice.Username, "--api-key-stdin"], alice.ApiKey + "\n", CliTool.DefaultTimeout);

        Assert.True(login.ExitCode == 0, login.ToString());
        Assert.Contains($"as {alice.Username} (user)", login.Output, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tool.ProfilesPath));
        Assert.Contains(alice.ApiKey, await File.ReadAllTextAsync(tool.ProfilesPath), StringComparison.Ordinal);

        var whoami = await tool.RunAsync("whoami");
        Assert.True(whoami.ExitCode == 0, whoami.ToString());
        Assert.StartsWith($"{alice.Username} (user)", whoami.Output, StringComparison.Ordinal);

        var profiles = await tool.RunAsync("profiles", "--json");
        Assert.Equal(alice.Username, JsonDocument.Parse(profiles.Output).RootElement.GetProperty("profiles")[0].GetProperty("username").GetString());
        foreach (var result in new[] { login, whoami, profiles })
        {
            Assert.DoesNotContain(alice.ApiKey, result.Output + result.Error, StringComparison.Ordinal);
        }

        // Rotating one's own key stores the new one in the profile: the next command still works, with the new key.
        var rotated = await tool.RunAsync("rotate-key", "--json");
        Assert.True(rotated.ExitCode == 0, rotated.ToString());
        var newKey = JsonDocument.Parse(rotated.Output).RootElement.GetProperty("new_api_key").GetString()!;
        Assert.Contains(newKey, await File.ReadAllTextAsync(tool.ProfilesPath), StringComparison.Ordinal);
        Assert.Equal(0, (await tool.RunAsync("whoami")).ExitCode);
        (await client.GetAsync("/api/auth/me", alice.Bearer)).AssertError(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_wrong_key_is_exit_3_with_a_clear_message_and_never_echoed()
    {
        const string wrongKey = "docsfy_this-key-does-not-exist-0123456789";
        using var tool = new CliTool();

        var login = await tool.RunAsync(["login", "--url", Server, "--api-key-stdin"], wrongKey + "\n", CliTool.DefaultTimeout);

        Assert.True(login.ExitCode == 3, login.ToString());
        // At login the key is what failed, said as such (not the API's "log in, or send Authorization").
        Assert.Contains("refused this API key", login.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(tool.ProfilesPath));
        Assert.Single(login.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain(wrongKey, login.Output + login.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", login.Error, StringComparison.Ordinal);

        // The environment alone (as in CI) fails the same way.
        tool.Environment["DOCSFY_URL"] = Server;
        tool.Environment["DOCSFY_API_KEY"] = wrongKey;
        var list = await tool.RunAsync("list");
        Assert.True(list.ExitCode == 3, list.ToString());
        Assert.DoesNotContain(wrongKey, list.Output + list.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_is_exit_6_in_one_line()
    {
        // A port that was free a moment ago: nothing listens there.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var tool = new CliTool();
        tool.Environment["DOCSFY_URL"] = $"http://127.0.0.1:{port}";
        tool.Environment["DOCSFY_API_KEY"] = DocsfyAppHost.AdminKey;

        foreach (var args in new[] { new[] { "list" }, ["generate", "--path", "/nowhere", "--watch"] })
        {
            var result = await tool.RunAsync(args);
            Assert.True(result.ExitCode == 6, result.ToString());
            Assert.Contains($"Cannot reach the server at http://127.0.0.1:{port}", result.Error, StringComparison.Ordinal);
            Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.DoesNotContain(DocsfyAppHost.AdminKey, result.Output + result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Admin_commands_manage_users_and_access()
    {
        using var tool = new CliTool();
        tool.Environment["DOCSFY_URL"] = Server;
        tool.Environment["DOCSFY_API_KEY"] = DocsfyAppHost.AdminKey;
        var username = DocsfyAppFixture.UniqueName("cli-user");
        var project = DocsfyAppFixture.UniqueName("cli-shared");
        // Access is granted to projects that exist.
        var repository = GitRepositories.Create(project, Generation.GenerationTests.SampleFiles);
        Assert.Equal(0, (await tool.RunAsync("generate", "--path", repository, "-p", "offline", "-m", "markdown", "--watch")).ExitCode);

        var created = await tool.RunAsync("users", "create", username, "--role", "viewer", "--json");
        Assert.True(created.ExitCode == 0, created.ToString());
        var key = JsonDocument.Parse(created.Output).RootElement.GetProperty("api_key").GetString()!;
        Assert.StartsWith("docsfy_", key, StringComparison.Ordinal);

        var listed = await tool.RunAsync("users", "list", "--json");
        Assert.Contains(JsonDocument.Parse(listed.Output).RootElement.GetProperty("users").EnumerateArray(),
            user => user.GetProperty("username").GetString() == username && user.GetProperty("role").GetString() == "viewer");
        Assert.Equal(0, (await tool.RunAsync("users", "role", username, "user")).ExitCode);
        Assert.Equal(5, (await tool.RunAsync("users", "create", username)).ExitCode);

        var granted = await tool.RunAsync("access", "grant", project, "--owner", "admin", "--user", username);
        Assert.True(granted.ExitCode == 0, granted.ToString());
        var access = await tool.RunAsync("access", "list", project, "--owner", "admin", "--json");
        Assert.Equal([username], JsonDocument.Parse(access.Output).RootElement.GetProperty("users").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(0, (await tool.RunAsync("access", "revoke", project, "--owner", "admin", "--user", username)).ExitCode);
        Assert.Contains("shared with nobody", (await tool.RunAsync("access", "list", project, "--owner", "admin")).Output, StringComparison.Ordinal);

        var rotated = await tool.RunAsync("users", "rotate-key", username);
        Assert.True(rotated.ExitCode == 0, rotated.ToString());
        var newKey = rotated.Lines[^1];
        using var client = fixture.Host.Client();
        (await client.GetAsync("/api/auth/me", Credential.Bearer(newKey))).AssertStatus(HttpStatusCode.OK);
        (await client.GetAsync("/api/auth/me", Credential.Bearer(key))).AssertError(HttpStatusCode.Unauthorized);

        // Deleting asks first; a script must say --yes.
        Assert.Equal(2, (await tool.RunAsync("users", "delete", username)).ExitCode);
        Assert.Equal(0, (await tool.RunAsync("users", "delete", username, "--yes")).ExitCode);
        Assert.Equal(4, (await tool.RunAsync("users", "rotate-key", username)).ExitCode);

        // A user is not an admin: exit 3 with the server's own words.
        tool.Environment["DOCSFY_API_KEY"] = (await Users.CreateAsync(client, "cli-plain", "user")).ApiKey;
        var refused = await tool.RunAsync("users", "list");
        Assert.True(refused.ExitCode == 3, refused.ToString());
    }
}

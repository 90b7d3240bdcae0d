using Docsfy.AppHost.Infrastructure;

namespace Docsfy.IntegrationTests.Topology;

/// <summary>
/// The ways the README gives to set the admin key reach the <c>admin-key</c> parameter the API gets as ADMIN_KEY. Only
/// the app host's model is built (nothing starts), with the settings as a shell would pass them.
/// </summary>
public sealed class AdminKeyTests
{
    [Fact]
    public async Task DOCSFY_ADMIN_KEY_sets_the_admin_key_which_a_bash_export_can()
    {
        // The variable the README tells a shell to export; `export Parameters__admin-key=...` is not valid bash.
        Assert.Equal("DOCSFY_ADMIN_KEY", SecretParameterExtensions.AdminKeyVariable);
        Assert.Equal("from-the-variable-0123456789", await AdminKeyAsync("--DOCSFY_ADMIN_KEY=from-the-variable-0123456789"));
    }

    [Fact]
    public async Task The_parameter_on_the_command_line_wins_over_the_variable()
    {
        Assert.Equal("from-the-command-line-0123456789", await AdminKeyAsync(
            "--DOCSFY_ADMIN_KEY=from-the-variable-0123456789", "--Parameters:admin-key=from-the-command-line-0123456789"));
    }

    [Fact]
    public async Task Without_either_a_key_is_generated_for_the_run()
    {
        var generated = await AdminKeyAsync();
        Assert.True(generated.Length >= 32, generated);
        Assert.NotEqual(generated, await AdminKeyAsync());
    }

    private static async Task<string> AdminKeyAsync(params string[] settings)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        // External servers (never contacted) and a given key-hash secret: building the model then touches nothing on disk.
        string[] args =
        [
            "--Infrastructure:Mode=external", "--ConnectionStrings:docsfydb=Host=unused", "--ConnectionStrings:messaging=amqp://unused",
            "--Parameters:key-hash-secret=admin-key-tests-key-hash-secret-0123456789", .. settings,
        ];
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<global::Projects.Docsfy_AppHost>(
            args, (options, _) => options.DisableDashboard = true, timeout.Token);
        var parameter = builder.Resources.OfType<ParameterResource>().Single(p => p.Name == SecretParameterExtensions.AdminKeyName);
        return await parameter.GetValueAsync(timeout.Token) ?? "";
    }
}

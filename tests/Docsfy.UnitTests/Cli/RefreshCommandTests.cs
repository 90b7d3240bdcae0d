using System.Text.Json;
using Docsfy.Cli;
using Docsfy.Cli.Connection;
using Docsfy.Cli.Refresh;

namespace Docsfy.UnitTests.Cli;

/// <summary><c>docsfy refresh</c>: what it refuses before any request, the PUT body it builds and how it shows settings.</summary>
public sealed class RefreshCommandTests
{
    private static readonly JsonElement Current = JsonDocument.Parse("""
        {"project":"widget","owner":"alice","interval_minutes":60,"on_push":true,"variants":["main/claude/sonnet"],
         "webhook_url":"https://docs.example/api/hooks/abc","secret_rotated_at":"2026-11-30 04:00:00",
         "next_check_at":"2026-11-30 05:00:00","last_checked_at":null,"min_interval_minutes":15,"max_interval_minutes":10080}
        """).RootElement;

    [Theory]
    [InlineData("--interval", "-5")]
    [InlineData("--interval", "0")]
    [InlineData("--interval", "many")]
    [InlineData("--variants", "main/claude")]
    [InlineData("--variants", "main/claude/sonnet/extra")]
    [InlineData("--variants", "main//sonnet")]
    [InlineData("--variants", "all,main/claude/sonnet")]
    [InlineData("--variants", "")]
    [InlineData("--on-push", "maybe")]
    [InlineData("--interval", "60", "--no-schedule")]
    [InlineData]
    public async Task Bad_input_to_set_is_exit_2_with_a_message_and_no_stack_trace_before_any_request(params string[] options)
    {
        var errors = new StringWriter();
        // No server is named: a request would fail with exit 3, so exit 2 shows nothing was sent.
        var exitCode = await CliApplication.RunAsync(["refresh", "set", "widget", .. options], TextWriter.Null, errors);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.NotEmpty(errors.ToString());
        Assert.DoesNotContain("   at ", errors.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("show")]
    [InlineData("rotate-secret")]
    [InlineData("set")]
    public async Task Every_refresh_command_needs_the_project(string command) =>
        Assert.Equal(ExitCodes.Usage, await CliApplication.RunAsync(["refresh", command], TextWriter.Null, new StringWriter()));

    [Fact]
    public void Variant_specs_are_all_or_distinct_branch_provider_model_items()
    {
        Assert.Equal("\"all\"", VariantSpecs.Parse(" all ").Value!.ToJsonString());
        Assert.Equal("""["main/claude/sonnet","dev/offline/markdown"]""",
            VariantSpecs.Parse("main/claude/sonnet, dev/offline/markdown,main/claude/sonnet").Value!.ToJsonString());
        var (value, problem) = VariantSpecs.Parse("main/claude sonnet/x");
        Assert.Null(value);
        Assert.Contains("\"main/claude sonnet/x\" is neither", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_sends_the_current_settings_with_only_what_was_given_changed()
    {
        Assert.Equal("""{"interval_minutes":60,"on_push":false,"variants":["main/claude/sonnet"]}""",
            new RefreshChanges(null, false, false, null).ApplyTo(Current).ToJsonString());
        Assert.Equal("""{"interval_minutes":null,"on_push":true,"variants":"all"}""",
            new RefreshChanges(null, true, null, VariantSpecs.Parse("all").Value).ApplyTo(Current).ToJsonString());
        Assert.Equal("""{"interval_minutes":30,"on_push":true,"variants":["main/claude/sonnet"]}""",
            new RefreshChanges(30, false, null, null).ApplyTo(Current).ToJsonString());
    }

    [Fact]
    public void Settings_read_as_the_dashboard_says_them_and_a_missing_webhook_says_how_to_create_it()
    {
        var lines = RefreshText.Describe(Current).ToDictionary(line => line.Label, line => line.Value);
        Assert.Equal("widget (owner alice)", lines["project"]);
        Assert.Equal("every 60 minutes (a run only when the branch moved)", lines["schedule"]);
        Assert.Equal(("on", "main/claude/sonnet"), (lines["on push"], lines["variants"]));
        Assert.Equal("https://docs.example/api/hooks/abc", lines["webhook URL"]);
        Assert.Equal("2026-11-30 05:00:00 UTC", lines["next check"]);
        Assert.False(lines.ContainsKey("last checked"));

        var fresh = JsonDocument.Parse("""
            {"project":"w","owner":"bob","interval_minutes":null,"on_push":false,"variants":"all","webhook_url":null,
             "secret_rotated_at":null,"next_check_at":null,"last_checked_at":null,"min_interval_minutes":15,"max_interval_minutes":10080}
            """).RootElement;
        var unset = RefreshText.Describe(fresh).ToDictionary(line => line.Label, line => line.Value);
        Assert.Equal(("off", "off", "all"), (unset["schedule"], unset["on push"], unset["variants"]));
        Assert.Contains("docsfy refresh set", unset["webhook URL"], StringComparison.Ordinal);
    }
}

using System.Runtime.Versioning;
using System.Text.Json;
using System.Text.RegularExpressions;
using Docsfy.IntegrationTests.Generation;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Cli;

/// <summary>The real <c>docsfy</c> tool starting, watching, aborting, downloading and deleting runs on the real app host.</summary>
[Collection(DocsfyCollection.Name)]
[UnsupportedOSPlatform("windows")]
public sealed class CliRunTests(DocsfyAppFixture fixture)
{
    /// <summary>An ANSI colour, a cursor move up or sideways, or an erased line: what colours and live redrawing use.</summary>
    private static readonly Regex ColourOrAnimation = new(@"\u001b\[[0-9;]*[mAGKJ]");

    private CliTool AdminTool()
    {
        var tool = new CliTool();
        tool.Environment["DOCSFY_URL"] = fixture.Host.ApiBaseAddress.ToString();
        tool.Environment["DOCSFY_API_KEY"] = DocsfyAppHost.AdminKey;
        return tool;
    }

    [Fact]
    public async Task Generate_offline_with_watch_shows_every_stage_in_order_then_ready_with_the_docs_url()
    {
        var name = DocsfyAppFixture.UniqueName("cli-watch");
        var repository = GitRepositories.Create(name, GenerationTests.SampleFiles);
        using var tool = AdminTool();

        var run = await tool.RunAsync("generate", "--path", repository, "--provider", "offline", "--model", "markdown", "--watch");

        Assert.True(run.ExitCode == 0, run.ToString());
        // Not a terminal: plain lines, no colour codes or animation.
        Assert.DoesNotContain("\u001b[", run.Output, StringComparison.Ordinal);
        var positions = new[] { "Cloning", "Planning", "Writing pages", "Cross-linking", "Rendering", "Ready: 4 pages" }
            .Select(stage => run.Output.IndexOf(stage, StringComparison.Ordinal)).ToList();
        Assert.True(positions.All(p => p >= 0), run.ToString());
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("Writing pages 4/4", run.Output, StringComparison.Ordinal);
        Assert.Contains($"Docs: {fixture.Host.ApiBaseAddress}docs/{name}/main/offline/markdown/", run.Output, StringComparison.Ordinal);

        // The run is there for the other commands too.
        var list = await tool.RunAsync("list", name, "--json");
        var variant = Assert.Single(JsonDocument.Parse(list.Output).RootElement.GetProperty("projects").EnumerateArray());
        Assert.Equal("ready", variant.GetProperty("status").GetString());
        var status = await tool.RunAsync("status", name);
        Assert.Contains("ready", status.Output, StringComparison.Ordinal);
        Assert.Contains(GitRepositories.HeadSha(repository), status.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_terminal_the_watch_is_a_live_display_and_NO_COLOR_makes_it_plain()
    {
        var name = DocsfyAppFixture.UniqueName("cli-tty");
        var repository = GitRepositories.Create(name, GenerationTests.SampleFiles);
        using var tool = AdminTool();
        // What a terminal emulator sets; without it nothing can tell which escape codes the terminal understands.
        tool.Environment["TERM"] = "xterm-256color";

        var live = await tool.RunInTerminalAsync("generate", "--path", repository, "-p", "offline", "-m", "markdown", "--watch");

        Assert.True(live.ExitCode == 0, live.ToString());
        Assert.Matches(ColourOrAnimation, live.Output);
        Assert.Contains("Ready: 4 pages", live.Output, StringComparison.Ordinal);

        tool.Environment["NO_COLOR"] = "1";
        var plain = await tool.RunInTerminalAsync("generate", "--path", repository, "-p", "offline", "-m", "markdown", "--force", "--watch");

        Assert.True(plain.ExitCode == 0, plain.ToString());
        // .NET itself may switch the terminal's keypad mode (ESC [?1h); colours and redrawn lines are the tool's.
        Assert.DoesNotMatch(ColourOrAnimation, plain.Output);
        Assert.Contains("Writing pages 4/4", plain.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_watch_prints_one_parseable_line_per_event_ending_with_the_terminal_status()
    {
        var name = DocsfyAppFixture.UniqueName("cli-json");
        var repository = GitRepositories.Create(name, GenerationTests.SampleFiles);
        using var tool = AdminTool();

        var run = await tool.RunAsync("generate", "--path", repository, "--provider", "offline", "--model", "markdown", "--watch", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.True(Guid.TryParse(lines[0].GetProperty("generation_id").GetString(), out _));
        var stages = lines.Where(l => l.TryGetProperty("type", out var t) && t.GetString() == "progress")
            .Select(l => l.GetProperty("current_stage").GetString()).Distinct().ToList();
        Assert.Equal(["cloning", "planning", "generating_pages", "cross_linking", "rendering"], stages);
        var last = lines[^1];
        Assert.Equal("status_change", last.GetProperty("type").GetString());
        Assert.Equal("ready", last.GetProperty("status").GetString());
        Assert.Equal(name, last.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_run_ending_in_error_is_exit_1_with_the_error_text()
    {
        var name = DocsfyAppFixture.UniqueName("cli-error");
        var repository = GitRepositories.Create(name, GenerationTests.SampleFiles);
        using var tool = AdminTool();

        var run = await tool.RunAsync("generate", "--path", repository, "--branch", "does-not-exist", "-p", "offline", "-m", "markdown", "--watch");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("Error: ", run.Output, StringComparison.Ordinal);
        Assert.Contains("does-not-exist", run.Output, StringComparison.Ordinal);

        // Watching it afterwards reports how it ended, with the same exit code.
        var watch = await tool.RunAsync("watch", name, "--branch", "does-not-exist");
        Assert.True(watch.ExitCode == 1, watch.ToString());
    }

    [Fact]
    public async Task Abort_stops_a_run_someone_is_watching_and_the_watcher_exits_1()
    {
        var name = DocsfyAppFixture.UniqueName("cli-abort");
        var repository = GitRepositories.Create(name, GenerationTests.HangingFiles);
        var model = FakeAi.UniqueModel();
        using var tool = AdminTool();

        using var watcher = tool.Start(["generate", "--path", repository, "-p", "claude", "-m", model, "--watch"]);
        await Eventually.HoldsAsync(() => FakeAi.Processes(model).Count > 0, "the fake AI to start", TimeSpan.FromMinutes(1));

        var abort = await tool.RunAsync("abort", name);
        Assert.True(abort.ExitCode == 0, abort.ToString());
        Assert.Contains($"Aborted {name} main claude/{model}", abort.Output, StringComparison.Ordinal);

        var watched = await watcher.WaitAsync(CliTool.DefaultTimeout);
        Assert.True(watched.ExitCode == 1, watched.ToString());
        Assert.Contains("Aborted: Aborted by admin at planning.", watched.Output, StringComparison.Ordinal);

        // Nothing runs any more: aborting again is "not found".
        Assert.Equal(4, (await tool.RunAsync("abort", name)).ExitCode);
    }

    [Fact]
    public async Task Ctrl_C_stops_watching_and_the_run_goes_on_unless_abort_on_cancel_is_given()
    {
        var name = DocsfyAppFixture.UniqueName("cli-ctrlc");
        var repository = GitRepositories.Create(name, GenerationTests.HangingFiles);
        var model = FakeAi.UniqueModel();
        using var tool = AdminTool();
        Assert.Equal(0, (await tool.RunAsync("generate", "--path", repository, "-p", "claude", "-m", model)).ExitCode);
        await Eventually.HoldsAsync(() => FakeAi.Processes(model).Count > 0, "the fake AI to start", TimeSpan.FromMinutes(1));

        async Task<CliTool.Result> InterruptedWatchAsync(params string[] args)
        {
            using var watcher = tool.Start(["watch", name, .. args]);
            // The first sync has been taken when the current stage is printed.
            await watcher.WaitForOutputAsync("Planning", TimeSpan.FromMinutes(1));
            watcher.Interrupt();
            return await watcher.WaitAsync(CliTool.DefaultTimeout);
        }

        var stopped = await InterruptedWatchAsync();
        Assert.True(stopped.ExitCode == 130, stopped.ToString());
        Assert.Contains($"docsfy watch {name} --branch main --provider claude --model {model}", stopped.Error, StringComparison.Ordinal);
        var still = await tool.RunAsync("status", name, "--json");
        Assert.Equal("generating", JsonDocument.Parse(still.Output).RootElement.GetProperty("variants")[0].GetProperty("status").GetString());

        var aborted = await InterruptedWatchAsync("--abort-on-cancel");
        Assert.True(aborted.ExitCode == 1, aborted.ToString());
        Assert.Contains($"Aborted {name} main claude/{model}", aborted.Output, StringComparison.Ordinal);
        var ended = await tool.RunAsync("status", name, "--json");
        Assert.Equal("aborted", JsonDocument.Parse(ended.Output).RootElement.GetProperty("variants")[0].GetProperty("status").GetString());
        await Eventually.HoldsAsync(() => FakeAi.Processes(model).Count == 0, "the fake AI to be killed", TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Download_extracts_the_site_and_delete_removes_the_variant()
    {
        var name = DocsfyAppFixture.UniqueName("cli-site");
        var repository = GitRepositories.Create(name, GenerationTests.SampleFiles);
        using var tool = AdminTool();
        Assert.Equal(0, (await tool.RunAsync("generate", "--path", repository, "-p", "offline", "-m", "markdown", "--watch")).ExitCode);

        var folder = Path.Combine(tool.Home, "site");
        var extracted = await tool.RunAsync("download", name, "--extract", folder);
        Assert.True(extracted.ExitCode == 0, extracted.ToString());
        var index = Path.Combine(folder, $"{name}-main-offline-markdown", "index.html");
        Assert.Contains("<html", await File.ReadAllTextAsync(index), StringComparison.OrdinalIgnoreCase);
        // Into a folder that is no longer empty: refused, nothing overwritten.
        Assert.Equal(2, (await tool.RunAsync("download", name, "--extract", folder)).ExitCode);

        var archive = Path.Combine(tool.Home, "site.tar.gz");
        var saved = await tool.RunAsync("download", name, "-b", "main", "-p", "offline", "-m", "markdown", "-o", archive);
        Assert.True(saved.ExitCode == 0, saved.ToString());
        Assert.Equal([0x1f, 0x8b], (await File.ReadAllBytesAsync(archive))[..2]);

        var open = await tool.RunAsync("open", name, "-p", "offline");
        Assert.Equal($"{fixture.Host.ApiBaseAddress}docs/{name}/main/offline/markdown/", open.Output.Trim());

        Assert.Equal(2, (await tool.RunAsync("delete", name, "-p", "offline")).ExitCode);
        // The project alone, as an admin: their own variants (the API needs admins to name an owner; the CLI names them).
        var deleted = await tool.RunAsync("delete", name, "--yes");
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        var gone = await tool.RunAsync("status", name);
        Assert.True(gone.ExitCode == 4, gone.ToString());
        Assert.Single(gone.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}

using System.Diagnostics;
using System.Runtime.Versioning;
using Docsfy.Worker.Ai;

namespace Docsfy.WorkerTests.Ai;

// The fake tools are bash scripts.
[UnsupportedOSPlatform("windows")]
public sealed class CliAiProviderTests
{
    // Generous: the machine has two shared cores. The assertions are "well before the 10-minute sleep", not exact timing.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_prompt_goes_to_standard_input_and_standard_output_is_the_answer()
    {
        using var tool = FakeCliTool.Create("cat");
        const string prompt = "Document this repository.\nÜnïcödé ✓ and \"quotes\"";

        var reply = await tool.Provider().CompleteAsync(tool.Request(prompt), CancellationToken.None);

        Assert.Equal(prompt, reply.Text);
        Assert.Null(reply.Usage);
    }

    [Fact]
    public async Task The_tool_runs_in_the_checkout_with_the_model_on_its_command_line()
    {
        using var tool = FakeCliTool.Create("""
            printf 'args=%s\n' "$*"
            printf 'cwd=%s\n' "$PWD"
            printf 'stdin=%s\n' "$(cat)"
            """);

        var reply = await tool.Provider("claude").CompleteAsync(tool.Request("the prompt", model: "opus-9"), CancellationToken.None);

        Assert.Contains("args=-p --model opus-9 --output-format json", reply.Text);
        Assert.Contains($"cwd={tool.Checkout}", reply.Text);
        Assert.Contains("stdin=the prompt", reply.Text);
    }

    [Fact]
    public async Task Claudes_json_result_gives_the_answer_with_its_tokens_and_cost()
    {
        using var tool = FakeCliTool.Create("""
            cat >/dev/null
            printf '%s' '{"type":"result","subtype":"success","is_error":false,"result":"# Page\n\nText.","total_cost_usd":0.0123,'
            printf '%s' '"usage":{"input_tokens":100,"cache_creation_input_tokens":20,"cache_read_input_tokens":3,"output_tokens":45}}'
            """);

        var reply = await tool.Provider("claude").CompleteAsync(tool.Request("p", model: "m1"), CancellationToken.None);

        Assert.Equal("# Page\n\nText.", reply.Text);
        Assert.Equal(new AiUsage(123, 45, 0.0123m), reply.Usage);
    }

    [Fact]
    public async Task Claudes_json_error_result_fails_the_call_with_its_text()
    {
        using var tool = FakeCliTool.Create("""
            cat >/dev/null
            echo '{"type":"result","subtype":"error_during_execution","is_error":true,"result":"Credit balance is too low"}'
            """);

        var failure = await Assert.ThrowsAsync<AiCallFailedException>(() =>
            tool.Provider("claude").CompleteAsync(tool.Request("p", model: "m1"), CancellationToken.None));

        Assert.Contains("Credit balance is too low", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain text answer")]
    [InlineData("{\"type\": \"message\", \"result\": \"not the envelope\"}")]
    public async Task Claude_output_that_is_not_the_json_result_is_taken_as_text(string output)
    {
        using var tool = FakeCliTool.Create($"cat >/dev/null; printf '%s' '{output}'");

        var reply = await tool.Provider("claude").CompleteAsync(tool.Request("p", model: "m1"), CancellationToken.None);

        Assert.Equal(output, reply.Text);
        Assert.Null(reply.Usage);
    }

    [Theory]
    [InlineData("gemini", "args=--model m1")]
    [InlineData("cursor", "args=-p --trust --model m1 --output-format text")]
    public async Task Each_tool_gets_its_own_argument_template(string provider, string expected)
    {
        using var tool = FakeCliTool.Create("""printf 'args=%s\n' "$*"; cat >/dev/null""");

        var reply = await tool.Provider(provider).CompleteAsync(tool.Request("p", model: "m1"), CancellationToken.None);

        Assert.Equal(expected, reply.Text.Trim());
    }

    [Fact]
    public async Task Configured_arguments_replace_the_template()
    {
        using var tool = FakeCliTool.Create("""printf '%s|' "$@"; cat >/dev/null""");

        var provider = tool.Provider("gemini", options => options.Cli["gemini"].Arguments = ["--yolo", "-m", "{model}"]);
        var reply = await provider.CompleteAsync(tool.Request("p", model: "flash"), CancellationToken.None);

        Assert.Equal("--yolo|-m|flash|", reply.Text);
    }

    [Fact]
    public async Task The_worker_secrets_are_not_in_the_tool_environment()
    {
        Environment.SetEnvironmentVariable("ADMIN_KEY", "admin-key-for-the-test-only");
        Environment.SetEnvironmentVariable("ConnectionStrings__docsfydb", "Host=db;Password=secret");
        using var tool = FakeCliTool.Create("""
            cat >/dev/null
            printf 'admin=%s conn=%s path=%s\n' "${ADMIN_KEY-unset}" "${ConnectionStrings__docsfydb-unset}" "${PATH:+set}"
            """);

        var reply = await tool.Provider().CompleteAsync(tool.Request("p"), CancellationToken.None);

        Assert.Equal("admin=unset conn=unset path=set", reply.Text.Trim());
    }

    [Fact]
    public async Task A_tool_that_ignores_a_large_prompt_still_answers()
    {
        using var tool = FakeCliTool.Create("echo canned answer");

        var reply = await tool.Provider().CompleteAsync(tool.Request(new string('x', 4 * 1024 * 1024)), CancellationToken.None);

        Assert.Equal("canned answer", reply.Text.Trim());
    }

    [Fact]
    public async Task A_non_zero_exit_fails_with_the_code_and_the_end_of_standard_error()
    {
        using var tool = FakeCliTool.Create("""
            cat >/dev/null
            for i in $(seq 1 2000); do echo "noise line $i" >&2; done
            printf 'Error: quota exceeded\n\tfor this account\n' >&2
            echo "partial answer"
            exit 3
            """);

        var failure = await Assert.ThrowsAsync<AiCallFailedException>(
            () => tool.Provider().CompleteAsync(tool.Request("p"), CancellationToken.None));

        Assert.StartsWith("claude exited with code 3: ", failure.Message);
        Assert.EndsWith("Error: quota exceeded for this account", failure.Message);
        Assert.True(failure.Message.Length < 600, failure.Message);
    }

    [Fact]
    public async Task An_empty_answer_fails()
    {
        using var tool = FakeCliTool.Create("cat >/dev/null");

        await Assert.ThrowsAsync<AiCallFailedException>(
            () => tool.Provider().CompleteAsync(tool.Request("p"), CancellationToken.None));
    }

    [Fact]
    public async Task A_hanging_tool_times_out_and_its_whole_process_tree_is_killed()
    {
        using var tool = FakeCliTool.Create(HangingScript);
        var stopwatch = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<AiCallFailedException>(
            () => tool.Provider().CompleteAsync(tool.Request("p", TimeSpan.FromSeconds(1)), CancellationToken.None));

        Assert.True(stopwatch.Elapsed < Bound, $"took {stopwatch.Elapsed}");
        Assert.Contains("did not finish within", failure.Message);
        await AssertAllGoneAsync(tool);
    }

    [Fact]
    public async Task A_tool_that_hangs_without_reading_a_large_prompt_times_out()
    {
        using var tool = FakeCliTool.Create(HangingScript);
        var stopwatch = Stopwatch.StartNew();

        await Assert.ThrowsAsync<AiCallFailedException>(() => tool.Provider().CompleteAsync(
            tool.Request(new string('x', 8 * 1024 * 1024), TimeSpan.FromSeconds(1)), CancellationToken.None));

        Assert.True(stopwatch.Elapsed < Bound, $"took {stopwatch.Elapsed}");
        await AssertAllGoneAsync(tool);
    }

    [Fact]
    public async Task An_abort_kills_the_whole_process_tree_and_cancels()
    {
        using var tool = FakeCliTool.Create(HangingScript);
        using var abort = new CancellationTokenSource();
        var call = tool.Provider().CompleteAsync(tool.Request("p"), abort.Token);
        await ProcessProbe.ReadPidsAsync(tool.FileInRoot("pids"), 2, Bound);
        var stopwatch = Stopwatch.StartNew();

        await abort.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.True(stopwatch.Elapsed < Bound, $"took {stopwatch.Elapsed}");
        await AssertAllGoneAsync(tool);
    }

    [Fact]
    public async Task An_already_cancelled_call_starts_nothing()
    {
        using var tool = FakeCliTool.Create("echo started > \"$ROOT/started\"; cat");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => tool.Provider().CompleteAsync(tool.Request("p"), new CancellationToken(canceled: true)));

        Assert.False(File.Exists(tool.FileInRoot("started")));
    }

    [Fact]
    public async Task Runaway_output_fails_cleanly_at_the_limit()
    {
        using var tool = FakeCliTool.Create("""
            echo $$ > "$ROOT/pids"
            head -c 20971520 /dev/urandom | base64
            sleep 600
            """);

        var failure = await Assert.ThrowsAsync<AiCallFailedException>(
            () => tool.Provider().CompleteAsync(tool.Request("p"), CancellationToken.None));

        Assert.Contains("more than 10 MB", failure.Message);
        var pids = await ProcessProbe.ReadPidsAsync(tool.FileInRoot("pids"), 1, Bound);
        Assert.True(await ProcessProbe.WaitUntilGoneAsync(pids[0], Bound));
    }

    [Fact]
    public async Task A_missing_executable_makes_the_provider_unavailable_and_names_the_setting()
    {
        using var tool = FakeCliTool.Create("cat");
        File.Delete(tool.ScriptPath);

        var failure = await Assert.ThrowsAsync<AiProviderUnavailableException>(
            () => tool.Provider("cursor").CompleteAsync(tool.Request("p"), CancellationToken.None));

        Assert.Contains("cursor-agent", failure.Message);
        Assert.Contains("Ai:Cli:cursor:Path", failure.Message);
    }

    [Fact]
    public async Task A_file_without_execute_permission_is_not_a_tool()
    {
        using var tool = FakeCliTool.Create("cat");
        File.SetUnixFileMode(tool.ScriptPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        await Assert.ThrowsAsync<AiProviderUnavailableException>(
            () => tool.Provider().CompleteAsync(tool.Request("p"), CancellationToken.None));
    }

    // The tool and a child it started both sleep; their pids go to a file so the test can check both are gone.
    private const string HangingScript = """
        echo $$ > "$ROOT/pids"
        sleep 600 &
        echo $! >> "$ROOT/pids"
        wait
        """;

    private static async Task AssertAllGoneAsync(FakeCliTool tool)
    {
        var pids = await ProcessProbe.ReadPidsAsync(tool.FileInRoot("pids"), 2, Bound);
        foreach (var pid in pids)
            Assert.True(await ProcessProbe.WaitUntilGoneAsync(pid, Bound), $"process {pid} is still running");
    }
}

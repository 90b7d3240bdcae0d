using System.Runtime.Versioning;
using Docsfy.Worker.Ai.Cli;

namespace Docsfy.WorkerTests.Ai;

// The fake tools are bash scripts.
[UnsupportedOSPlatform("windows")]
public sealed class CliPiecesTests
{
    [Theory]
    [InlineData("ADMIN_KEY", true)]
    [InlineData("DOCSFY_KEY_HASH_SECRET", true)]
    [InlineData("ConnectionStrings__docsfydb", true)]
    [InlineData("DOCSFYDB_PASSWORD", true)]
    [InlineData("DOCSFYDB_URI", true)]
    [InlineData("OTEL_EXPORTER_OTLP_HEADERS", true)]
    [InlineData("Ai__OpenAI__ApiKey", true)]
    [InlineData("PATH", false)]
    [InlineData("HOME", false)]
    [InlineData("ANTHROPIC_API_KEY", false)]
    [InlineData("CURSOR_API_KEY", false)]
    [InlineData("GEMINI_API_KEY", false)]
    public void Only_the_worker_secrets_are_removed_from_a_tool_environment(string name, bool secret)
    {
        Assert.Equal(secret, ChildEnvironment.IsSecret(name));
    }

    [Fact]
    public void Without_a_model_the_model_option_is_left_out()
    {
        var claude = CliToolDefinition.Defaults.Single(tool => tool.Name == "claude");

        Assert.Equal(["-p", "--output-format", "json"], claude.ArgumentsFor(""));
        Assert.Equal(["-p", "--model", "sonnet", "--output-format", "json"], claude.ArgumentsFor("sonnet"));
    }

    [Fact]
    public void Executables_are_found_on_the_search_path_only_when_executable()
    {
        var folder = Directory.CreateTempSubdirectory("docsfy-path-").FullName;
        try
        {
            var tool = Path.Combine(folder, "some-ai-tool");
            File.WriteAllText(tool, "#!/bin/sh\n");
            var searchPath = "/nonexistent" + Path.PathSeparator + folder;

            Assert.Null(ExecutableLocator.Find("some-ai-tool", searchPath));
            File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            Assert.Equal(tool, ExecutableLocator.Find("some-ai-tool", searchPath));
            Assert.Null(ExecutableLocator.Find("another-tool", searchPath));
            Assert.Equal(tool, ExecutableLocator.Find(tool));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Error_output_becomes_one_short_line()
    {
        var message = CliErrorMessage.Tail(new string('a', 5000) + "\n\u001b[31mfatal:\tno auth\u001b[0m\n");

        Assert.EndsWith("fatal: no auth [0m", message);
        Assert.True(message.Length <= 501);
        Assert.DoesNotContain('\n', message);
    }
}

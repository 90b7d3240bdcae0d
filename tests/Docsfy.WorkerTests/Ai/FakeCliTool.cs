using System.Runtime.Versioning;
using Docsfy.Worker.Ai.Cli;
using Docsfy.Worker.Ai;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Docsfy.WorkerTests.Ai;

/// <summary>
/// A stand-in for an AI command-line tool: a bash script in its own temporary folder, with a separate folder as the
/// checkout it runs in. Deleted on dispose.
/// </summary>
// The fake tools are bash scripts.
[UnsupportedOSPlatform("windows")]
internal sealed class FakeCliTool : IDisposable
{
    private FakeCliTool(string root)
    {
        Root = root;
        Checkout = Directory.CreateDirectory(Path.Combine(root, "checkout")).FullName;
        ScriptPath = Path.Combine(root, "fake-tool");
    }

    public string Root { get; }

    /// <summary>The working directory the provider is asked to use.</summary>
    public string Checkout { get; }

    public string ScriptPath { get; }

    /// <summary>A file path in the tool's folder the script may write to (e.g. a child's pid).</summary>
    public string FileInRoot(string name) => Path.Combine(Root, name);

    /// <summary>Writes <paramref name="body"/> as an executable bash script.</summary>
    public static FakeCliTool Create(string body)
    {
        var root = Directory.CreateTempSubdirectory("docsfy-fake-cli-").FullName;
        var tool = new FakeCliTool(root);
        tool.WriteScript(body.Replace("$ROOT", root, StringComparison.Ordinal));
        return tool;
    }

    /// <summary>A provider with the named tool's real argument template, started through this script.</summary>
    public IAiProvider Provider(string name = "claude", Action<AiOptions>? configure = null)
    {
        var options = new AiOptions();
        options.Cli[name] = new CliToolOptions { Path = ScriptPath };
        configure?.Invoke(options);
        var definition = CliToolDefinition.Defaults.Single(tool => tool.Name == name);
        return new CliAiProvider(definition, Options.Create(options), NullLogger<CliAiProvider>.Instance);
    }

    public AiRequest Request(string prompt, TimeSpan? timeout = null, string model = "test-model") =>
        new(model, prompt, Checkout, timeout ?? TimeSpan.FromMinutes(2));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; a failing dispose would hide the test's own result.
        }
    }

    private void WriteScript(string body)
    {
        File.WriteAllText(ScriptPath, "#!/usr/bin/env bash\n" + body + "\n");
        File.SetUnixFileMode(ScriptPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}

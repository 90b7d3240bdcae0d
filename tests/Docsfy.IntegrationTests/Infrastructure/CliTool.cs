using System.Diagnostics;
using System.Reflection;
using System.Runtime.Versioning;

namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>
/// Runs the real <c>docsfy</c> tool (its build output, under <c>dotnet</c>) as a child process with a time limit, a
/// home and config folder of its own (so profiles never touch the machine's), and none of the caller's DOCSFY_*
/// variables unless a test sets them.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class CliTool : IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    private static readonly string ToolPath = typeof(CliTool).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "DocsfyCli").Value!;

    public CliTool()
    {
        Home = Directory.CreateTempSubdirectory("docsfy-cli-home-").FullName;
    }

    public string Home { get; }

    public string ConfigHome => Path.Combine(Home, ".config");

    public string ProfilesPath => Path.Combine(ConfigHome, "docsfy", "profiles.json");

    /// <summary>Variables for every run of this tool (e.g. DOCSFY_URL and DOCSFY_API_KEY); null removes one.</summary>
    public Dictionary<string, string?> Environment { get; } = new();

    public Task<Result> RunAsync(params string[] args) => RunAsync(args, standardInput: null, DefaultTimeout);

    /// <summary>
    /// Runs the tool on a pseudo-terminal (util-linux <c>script</c>), as a person at a terminal would: standard output is
    /// a terminal, so the tool may use colours and live output. <c>script -e</c> exits with the tool's exit code.
    /// </summary>
    public async Task<Result> RunInTerminalAsync(params string[] args)
    {
        var command = string.Join(' ', new[] { "dotnet", ToolPath }.Concat(args).Select(arg => $"'{arg.Replace("'", "'\\''", StringComparison.Ordinal)}'"));
        using var running = Start(["-qec", command, "/dev/null"], executable: "script");
        await running.WriteInputAndCloseAsync(null);
        return await running.WaitAsync(DefaultTimeout);
    }

    public async Task<Result> RunAsync(string[] args, string? standardInput, TimeSpan timeout)
    {
        using var running = Start(args);
        await running.WriteInputAndCloseAsync(standardInput);
        return await running.WaitAsync(timeout);
    }

    /// <summary>Starts the tool without waiting (a test acts while it runs); its output is collected as it comes.</summary>
    public RunningCliTool Start(string[] args) => Start([ToolPath, .. args], executable: "dotnet");

    private RunningCliTool Start(string[] args, string executable)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var name in new[] { "DOCSFY_URL", "DOCSFY_API_KEY", "DOCSFY_ADMIN_KEY", "NO_COLOR" })
        {
            start.Environment.Remove(name);
        }
        start.Environment["HOME"] = Home;
        start.Environment["XDG_CONFIG_HOME"] = ConfigHome;
        foreach (var (name, value) in Environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }
        return new RunningCliTool(Process.Start(start) ?? throw new InvalidOperationException("Could not start docsfy."));
    }

    public void Dispose() => Directory.Delete(Home, recursive: true);

    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string[] Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
    }
}

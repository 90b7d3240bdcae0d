using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;

namespace Docsfy.AppHostTests.Deployment;

/// <summary>
/// The Aspire manifest exactly as azd asks for it: <c>dotnet run --project Docsfy.AppHost.csproj --publisher manifest
/// --output-path …</c> in the app host's folder (azd's PublishAppHostManifest), against the build the tests run with
/// (<c>--no-build</c>), with a chosen environment and nothing inherited that could change the topology.
/// </summary>
internal sealed class PublishedManifest
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>Settings of the developer's shell that would change what is published; removed from the child's environment.</summary>
    private static readonly string[] InheritedSettings =
        ["AI_AVAILABLE_PROVIDERS", "AI_PROVIDER", "AI_MODEL", "DOCSFY_ADMIN_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY",
         "CURSOR_API_KEY", "OPENAI_API_KEY", "OPENAI_BASE_URL"];

    private PublishedManifest(string text, string directory)
    {
        Text = text;
        Directory = directory;
        Resources = JsonNode.Parse(text)!["resources"]!.AsObject();
    }

    /// <summary>The manifest as written.</summary>
    public string Text { get; }

    /// <summary>The folder the manifest was written to; its relative paths start there.</summary>
    public string Directory { get; }

    public JsonObject Resources { get; }

    public JsonObject this[string resource] =>
        Resources[resource]?.AsObject() ?? throw new Xunit.Sdk.XunitException($"The manifest has no resource '{resource}'. It has: {string.Join(", ", Resources.Select(r => r.Key))}.");

    /// <summary>A manifest path (relative to the manifest's folder) as a full path.</summary>
    public string FullPath(string manifestPath) => Path.GetFullPath(Path.Combine(Directory, manifestPath));

    public static async Task<PublishedManifest> PublishAsync(IReadOnlyDictionary<string, string> environment)
    {
        var output = Path.Combine(Path.GetTempPath(), $"docsfy-manifest-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(output);
        try
        {
            var manifestPath = Path.Combine(output, "aspire-manifest.json");
            var appHost = RepositoryRoot.File("Docsfy.AppHost");
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = appHost,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[] { "run", "--project", "Docsfy.AppHost.csproj", "--no-build", "-c", Configuration,
                         "--publisher", "manifest", "--output-path", manifestPath })
            {
                start.ArgumentList.Add(argument);
            }
            foreach (var setting in InheritedSettings)
            {
                start.Environment.Remove(setting);
            }
            foreach (var key in start.Environment.Keys.Where(IsDocsfySetting).ToList())
            {
                start.Environment.Remove(key);
            }
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Publishing the manifest took over {Timeout}.");
            }
            if (process.ExitCode != 0 || !File.Exists(manifestPath))
            {
                throw new InvalidOperationException(
                    $"Publishing the manifest failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
            }
            return new PublishedManifest(await File.ReadAllTextAsync(manifestPath), output);
        }
        finally
        {
            // Only the text is kept; the folder's path is still used to resolve the manifest's relative paths.
            System.IO.Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>The app host's own settings (Infrastructure__Mode, Parameters__*, Api__*, ConnectionStrings__*).</summary>
    private static bool IsDocsfySetting(string name) =>
        name.StartsWith("Infrastructure__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Parameters__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Api__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase);

    /// <summary>The configuration these tests were built in, which is the app host build <c>--no-build</c> must use.</summary>
    private static string Configuration =>
        typeof(PublishedManifest).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
}

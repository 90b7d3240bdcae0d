namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>
/// The scripted AI tool's processes on this machine (fake-ai.sh, or gated-ai.sh in front of it), told apart by the model
/// on their command line.
/// </summary>
public static class FakeAi
{
    public static string UniqueModel() => $"fake-{Guid.NewGuid():N}"[..17];

    /// <summary>The fake tool's processes started for <paramref name="model"/>, and what they started.</summary>
    public static IReadOnlyList<int> Processes(string model) => [.. Directory.EnumerateDirectories("/proc")
        .Select(dir => (Pid: int.TryParse(Path.GetFileName(dir), out var pid) ? pid : 0, CommandLine: TryRead(Path.Combine(dir, "cmdline"))))
        .Where(p => p.Pid > 0 && p.CommandLine is { } line && (line.Contains("fake-ai.sh", StringComparison.Ordinal) || line.Contains("gated-ai.sh", StringComparison.Ordinal))
                    && line.Contains(model, StringComparison.Ordinal))
        .Select(p => p.Pid)];

    public static void Kill(string model)
    {
        foreach (var pid in Processes(model))
        {
            try
            {
                System.Diagnostics.Process.GetProcessById(pid).Kill(entireProcessTree: true);
            }
            catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
            {
                // Already gone.
            }
        }
    }

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

using System.Globalization;

namespace Docsfy.Bench.Infrastructure;

/// <summary>
/// The scripted AI (Assets/bench-ai.sh) the worker runs as provider <c>claude</c> in the pipeline scenario: where it is,
/// how slow it is, and the log it appends one line per call to. The delay reaches the script through the worker's
/// environment, which Aspire evaluates again when the worker restarts, so the bench changes it with a restart.
/// </summary>
public sealed class ScriptedAi : IDisposable
{
    /// <summary>The provider the worker runs the script as; any model name is accepted.</summary>
    public const string Provider = "claude";

    /// <summary>Pages in the script's plan (the upper bound the planning prompt asks for); keep in step with bench-ai.sh.</summary>
    public const int PlanPages = 15;

    private readonly string _folder = Directory.CreateTempSubdirectory("docsfy-bench-ai-").FullName;

    public ScriptedAi(int maxConcurrentPages) => MaxConcurrentPages = maxConcurrentPages;

    public static string ScriptPath => Path.Combine(AppContext.BaseDirectory, "Assets", "bench-ai.sh");

    public string CallLogPath => Path.Combine(_folder, "calls.log");

    /// <summary>Seconds every AI call sleeps; takes effect when the worker (re)starts.</summary>
    public double DelaySeconds { get; set; }

    /// <summary>The worker's <c>MAX_CONCURRENT_PAGES</c>.</summary>
    public int MaxConcurrentPages { get; }

    public void ConfigureWorker(IResourceBuilder<ProjectResource> worker) => worker
        .WithEnvironment("Ai__Cli__claude__Path", ScriptPath)
        .WithEnvironment("BENCH_AI_CALL_LOG", CallLogPath)
        .WithEnvironment("MAX_CONCURRENT_PAGES", MaxConcurrentPages.ToString(CultureInfo.InvariantCulture))
        .WithEnvironment(context => context.EnvironmentVariables["BENCH_AI_DELAY_SECONDS"] =
            DelaySeconds.ToString(CultureInfo.InvariantCulture));

    /// <summary>The calls one run made: the script ran in that run's checkout, whose path holds the run id.</summary>
    public IReadOnlyList<AiCall> CallsOf(Guid runId)
    {
        if (!File.Exists(CallLogPath))
        {
            return [];
        }
        var folder = $"/{runId:N}/";
        return [.. File.ReadLines(CallLogPath)
            .Select(line => line.Split(' ', 4))
            .Where(fields => fields.Length == 4 && fields[3].Contains(folder, StringComparison.Ordinal))
            .Select(fields => new AiCall(fields[0], Epoch(fields[1]), Epoch(fields[2])))];
    }

    // EPOCHREALTIME uses the locale's decimal separator.
    private static DateTimeOffset Epoch(string seconds) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)(decimal.Parse(seconds.Replace(',', '.'), CultureInfo.InvariantCulture) * TimeSpan.TicksPerSecond));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is not worth failing the bench over.
        }
    }
}

/// <summary>One call of the scripted AI: its kind (plan, page, check, related) and when it ran.</summary>
public sealed record AiCall(string Kind, DateTimeOffset Started, DateTimeOffset Ended)
{
    /// <summary>The most calls of <paramref name="kind"/> that were running at the same moment.</summary>
    public static int MostAtOnce(IEnumerable<AiCall> calls, string kind)
    {
        var edges = calls.Where(c => c.Kind == kind)
            .SelectMany(c => new[] { (At: c.Started, Delta: 1), (At: c.Ended, Delta: -1) })
            .OrderBy(e => e.At).ThenBy(e => e.Delta); // an end and a start at the same instant do not overlap
        var (running, most) = (0, 0);
        foreach (var edge in edges)
        {
            running += edge.Delta;
            most = Math.Max(most, running);
        }
        return most;
    }
}

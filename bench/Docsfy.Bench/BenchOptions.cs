using System.Globalization;

namespace Docsfy.Bench;

/// <summary>The bench's knobs, from <c>--name value</c> arguments; the defaults are the targets of the brief.</summary>
public sealed record BenchOptions
{
    public int IdleConnections { get; init; } = 10_000;

    /// <summary>How long the idle sockets are held after they are all open: past one heartbeat (30 s ping + 10 s pong).</summary>
    public TimeSpan IdleHold { get; init; } = TimeSpan.FromSeconds(45);

    public int FanOutConnections { get; init; } = 1_000;

    /// <summary>Variants that take turns receiving events, so one run's progress arrives only every variants/rate seconds.</summary>
    public int FanOutVariants { get; init; } = 200;

    public int FanOutRate { get; init; } = 100;

    public TimeSpan FanOutDuration { get; init; } = TimeSpan.FromSeconds(25);

    /// <summary>Higher event rates tried after the target rate, each for <see cref="RampDuration"/>, until one is not sustained.</summary>
    public IReadOnlyList<int> RampRates { get; init; } = [200, 400, 800];

    public TimeSpan RampDuration { get; init; } = TimeSpan.FromSeconds(15);

    public int SyncVariants { get; init; } = 10_000;

    public int SyncSamples { get; init; } = 20;

    /// <summary>Size of the plan_json given to every ready variant for the second sync measurement (0 skips it).</summary>
    public int SyncPlanBytes { get; init; } = 1_000;

    /// <summary>Files in the generated repository the pipeline scenario documents.</summary>
    public int PipelineFiles { get; init; } = 1_000;

    /// <summary>Measured runs per pipeline case (after one warm-up run each); the tables give each run and the median.</summary>
    public int PipelineRuns { get; init; } = 3;

    /// <summary>Seconds each call of the slow scripted AI takes in pipeline case (b).</summary>
    public double PipelineAiDelay { get; init; } = 1;

    /// <summary>The worker's MAX_CONCURRENT_PAGES during the bench (its default is 10).</summary>
    public int PipelineMaxConcurrentPages { get; init; } = 10;

    /// <summary>How many times each scenario runs (the machine is shared, so one run can be unlucky).</summary>
    public int Repeat { get; init; } = 1;

    public IReadOnlySet<string> Scenarios { get; init; } = new HashSet<string> { "idle", "fanout", "apply", "pipeline", "incremental", "sync", "search" };

    public string ResultsPath { get; init; } = "bench/results.md";

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            int Int() => int.Parse(value, CultureInfo.InvariantCulture);
            TimeSpan Seconds() => TimeSpan.FromSeconds(Int());
            options = args[i] switch
            {
                "--idle-connections" => options with { IdleConnections = Int() },
                "--idle-hold" => options with { IdleHold = Seconds() },
                "--fanout-connections" => options with { FanOutConnections = Int() },
                "--fanout-variants" => options with { FanOutVariants = Int() },
                "--fanout-rate" => options with { FanOutRate = Int() },
                "--fanout-duration" => options with { FanOutDuration = Seconds() },
                "--ramp-rates" => options with { RampRates = value.Length == 0 ? [] : [.. value.Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture))] },
                "--ramp-duration" => options with { RampDuration = Seconds() },
                "--sync-variants" => options with { SyncVariants = Int() },
                "--sync-samples" => options with { SyncSamples = Int() },
                "--sync-plan-bytes" => options with { SyncPlanBytes = Int() },
                "--pipeline-files" => options with { PipelineFiles = Int() },
                "--pipeline-runs" => options with { PipelineRuns = Int() },
                "--pipeline-ai-delay" => options with { PipelineAiDelay = double.Parse(value, CultureInfo.InvariantCulture) },
                "--pipeline-max-pages" => options with { PipelineMaxConcurrentPages = Int() },
                "--repeat" => options with { Repeat = Int() },
                "--scenarios" => options with { Scenarios = value.Split(',').ToHashSet(StringComparer.OrdinalIgnoreCase) },
                "--results" => options with { ResultsPath = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        return options;
    }
}

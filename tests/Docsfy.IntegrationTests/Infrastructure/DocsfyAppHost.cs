using Microsoft.Extensions.DependencyInjection;

namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>
/// Starts the real app host in <c>local</c> infrastructure mode (the machine's PostgreSQL and RabbitMQ as executables),
/// waits until every resource is healthy, and fails fast with the resource's name when one fails to start instead of
/// waiting out the timeout.
/// </summary>
public sealed class DocsfyAppHost : IAsyncDisposable
{
    public const string AdminKey = "integration-admin-key-0123456789";
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    /// <summary>How long the API waits for a silent worker before ending its run (short, so crash tests are quick).</summary>
    public static readonly TimeSpan WorkerHeartbeatTimeout = TimeSpan.FromSeconds(8);

    /// <summary>How long one minute of a project's <c>interval_minutes</c> lasts in the tests.</summary>
    public static readonly TimeSpan RefreshIntervalUnit = TimeSpan.FromSeconds(2);

    /// <summary>The worker setting that names the <c>claude</c> tool's binary.</summary>
    private const string FakeAiSetting = "Ai__Cli__claude__Path";

    /// <summary>The scripted AI command-line tool the worker runs as provider <c>claude</c>.</summary>
    public static string FakeAiPath => Path.Combine(AppContext.BaseDirectory, "Assets", "fake-ai.sh");

    private DocsfyAppHost(DistributedApplication app, ResourceLogCollector logs, int apiReplicas, string scratchDirectory)
    {
        App = app;
        Logs = logs;
        ApiReplicas = apiReplicas;
        ScratchDirectory = scratchDirectory;
    }

    public DistributedApplication App { get; }

    /// <summary>Every line each resource has written since start.</summary>
    public ResourceLogCollector Logs { get; }

    public int ApiReplicas { get; }

    /// <summary>The worker's <c>Worker:ScratchDirectory</c>, this app host's alone, so tests can see what runs leave behind.</summary>
    public string ScratchDirectory { get; }

    public Uri ApiBaseAddress => App.GetEndpoint("api", "http");

    /// <param name="dataDirectory">A persistent data folder to reuse across starts; null for a fresh ephemeral one.</param>
    /// <param name="configure">More settings for the resources (e.g. another fake AI tool), applied after the defaults.</param>
    /// <param name="settings">More settings of the app host itself, as arguments (e.g. <c>--Worker:RestartOnExit=false</c>).</param>
    /// <param name="workerReplicas">Worker instances (<c>Worker:Replicas</c>); they share one scratch directory, as
    /// replicas on one machine do.</param>
    public static async Task<DocsfyAppHost> StartAsync(int apiReplicas = 2, string? dataDirectory = null,
        Action<IDistributedApplicationTestingBuilder>? configure = null, IEnumerable<string>? settings = null,
        int workerReplicas = 1)
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        string[] args =
        [
            "--Infrastructure:Mode=local",
            dataDirectory is null ? "--Infrastructure:Ephemeral=true" : $"--Infrastructure:DataDir={dataDirectory}",
            $"--Parameters:admin-key={AdminKey}",
            $"--Api:Replicas={apiReplicas}",
            $"--Worker:Replicas={workerReplicas}",
            .. settings ?? [],
        ];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<global::Projects.Docsfy_AppHost>(
            args, (options, _) => options.DisableDashboard = true, timeout.Token);
        // A heartbeat tests can wait for: ping every 2 s, 1 s to answer.
        builder.CreateResourceBuilder<ProjectResource>("api")
            .WithEnvironment("Hub__PingInterval", HubTimings.PingInterval.ToString())
            .WithEnvironment("Hub__PongTimeout", HubTimings.PongTimeout.ToString())
            .WithEnvironment("Generation__HeartbeatTimeout", WorkerHeartbeatTimeout.ToString())
            .WithEnvironment("Generation__WatchdogInterval", TimeSpan.FromSeconds(1).ToString())
            // Runs from a repo_url cloned from the tests' own git server on 127.0.0.1 (never in production).
            .WithEnvironment("Generation__AllowLoopbackHosts", "true")
            // Schedules a test can wait for: the shortest interval is one "minute" of two seconds, checked every second.
            .WithEnvironment("Refresh__MinimumIntervalMinutes", "1")
            .WithEnvironment("Refresh__IntervalUnit", RefreshIntervalUnit.ToString())
            .WithEnvironment("Refresh__TickInterval", TimeSpan.FromSeconds(1).ToString())
            // The worker below runs claude as the scripted fake; the browser tests add gemini (a gated fake).
            .WithEnvironment("AI_AVAILABLE_PROVIDERS", "claude,gemini");
        var scratchDirectory = Directory.CreateTempSubdirectory("docsfy-it-scratch-").FullName;
        builder.CreateResourceBuilder<ProjectResource>("worker")
            .WithEnvironment("Worker__ScratchDirectory", scratchDirectory)
            .WithEnvironment("Worker__HeartbeatInterval", TimeSpan.FromSeconds(1).ToString())
            // Only the sweep at start: several app hosts' workers share this machine, and a periodic sweep of one would
            // end another's killed worker's orphans before its test can see them survive the kill.
            .WithEnvironment("Worker__OrphanSweepInterval", TimeSpan.FromHours(1).ToString())
            .WithEnvironment("Clone__AllowLoopbackHosts", "true")
            .WithEnvironment(FakeAiSetting, FakeAiPath);
        configure?.Invoke(builder);

        var app = await builder.BuildAsync(timeout.Token);
        var logs = new ResourceLogCollector(app.Services.GetRequiredService<ResourceLoggerService>(),
            app.Services.GetRequiredService<ResourceNotificationService>());
        try
        {
            await app.StartAsync(timeout.Token);
            await ResourceWaits.AllHealthyAsync(app, new Dictionary<string, int> { ["api"] = apiReplicas, ["worker"] = workerReplicas },
                timeout.Token);
        }
        catch (Exception exception)
        {
            var tail = logs.Tail(60);
            await logs.DisposeAsync();
            await app.DisposeAsync();
            Directory.Delete(scratchDirectory, recursive: true);
            throw new InvalidOperationException($"The app host did not become healthy: {exception.Message}\n{tail}", exception);
        }
        return new DocsfyAppHost(app, logs, apiReplicas, scratchDirectory);
    }

    public async Task<string> DatabaseConnectionStringAsync() =>
        await App.GetConnectionStringAsync("docsfydb") ?? throw new InvalidOperationException("docsfydb has no connection string.");

    /// <summary>
    /// A client with no cookie jar of its own (tests decide exactly which credential each request carries) that does not
    /// follow redirects (tests assert them), and with a client address of its own (see <see cref="ClientAddresses"/>).
    /// </summary>
    /// <param name="clientAddress">The address the API should see; null for a fresh one.</param>
    public DocsfyClient Client(string? clientAddress = null)
    {
        var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = ApiBaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var address = clientAddress ?? ClientAddresses.Next();
        http.DefaultRequestHeaders.Add(ClientAddresses.Header, address);
        return new DocsfyClient(http, address);
    }

    public async ValueTask DisposeAsync()
    {
        await Logs.DisposeAsync();
        await App.DisposeAsync();
        // rm, not Directory.Delete: a run that failed to clean up may have left names .NET cannot delete.
        using var rm = System.Diagnostics.Process.Start("rm", ["-rf", "--", ScratchDirectory]);
        await rm.WaitForExitAsync();
    }
}

namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>
/// An app host whose API replicas and worker export their traces to an <see cref="OtlpReceiver"/> of the test's own, as
/// they would to the Aspire dashboard: the test reads the spans a run produced in every service.
/// </summary>
public sealed class TracingFixture : IAsyncLifetime
{
    private OtlpReceiver? _receiver;
    private DocsfyAppHost? _host;

    public DocsfyAppHost Host => _host ?? throw new InvalidOperationException("The app host has not started.");

    public OtlpReceiver Receiver => _receiver ?? throw new InvalidOperationException("The receiver has not started.");

    public async Task InitializeAsync()
    {
        _receiver = new OtlpReceiver();
        _host = await DocsfyAppHost.StartAsync(configure: builder =>
        {
            foreach (var service in new[] { "api", "worker" })
            {
                builder.CreateResourceBuilder<ProjectResource>(service)
                    .WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", _receiver.Endpoint)
                    .WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
                    .WithEnvironment("OTEL_SERVICE_NAME", service)
                    // Export finished spans every 200 ms rather than the default 5 s, so the test waits less.
                    .WithEnvironment("OTEL_BSP_SCHEDULE_DELAY", "200");
            }
        });
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
        if (_receiver is not null)
        {
            await _receiver.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class TracingCollection : ICollectionFixture<TracingFixture>
{
    public const string Name = "Tracing";
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;

namespace Docsfy.UnitTests.ServiceDefaults;

/// <summary>
/// The OTLP exporters' clients go without the standard resilience handler: their last export runs after the container
/// disposed the handler's pipeline, and failing there held every process's exit for about five seconds.
/// </summary>
public sealed class OtlpExporterClientTests
{
    [Theory]
    [InlineData("OtlpTraceExporter", false)]
    [InlineData("OtlpMetricExporter", false)]
    [InlineData("OtlpLogExporter", false)]
    [InlineData("docsfy", true)]
    [InlineData("", true)]
    public void Only_the_exporters_clients_go_without_the_resilience_handler(string client, bool resilient)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddServiceDefaults();
        using var services = builder.Services.BuildServiceProvider();

        using var handler = services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(client);

        Assert.Equal(resilient, Chain(handler).Any(h => h is ResilienceHandler));
    }

    private static IEnumerable<HttpMessageHandler> Chain(HttpMessageHandler? handler)
    {
        for (; handler is not null; handler = (handler as DelegatingHandler)?.InnerHandler)
        {
            yield return handler;
        }
    }
}

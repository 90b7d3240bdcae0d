using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Docsfy.UnitTests.OpenApi;

/// <summary>
/// The API's own Program, built in memory with its endpoints mapped but none of its background services running: no
/// migrations, no bus, no watchdog, so no PostgreSQL or RabbitMQ is needed. Enough to ask the API what it maps and
/// what its OpenAPI document says; nothing that touches the database can be called.
/// </summary>
public sealed class UnstartedApi(string environment) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ADMIN_KEY", "unstarted-api-admin-key");
        builder.UseSetting("DOCSFY_KEY_HASH_SECRET", "unstarted-api-key-hash-secret-of-32-characters");
        // Never connected to: nothing that would open a connection runs.
        builder.UseSetting("ConnectionStrings:docsfydb", "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none");
        builder.UseSetting("ConnectionStrings:messaging", "amqp://none:none@127.0.0.1:1");
        builder.ConfigureServices(services =>
        {
            // Every hosted service but the web host itself (which builds the pipeline and serves the test client).
            foreach (var hosted in services.Where(IsBackgroundService).ToList())
            {
                services.Remove(hosted);
            }
        });
    }

    private static bool IsBackgroundService(ServiceDescriptor descriptor) =>
        descriptor.ServiceType == typeof(IHostedService)
        && descriptor.ImplementationType?.Name != "GenericWebHostService";
}

using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Docsfy.AppHost.Infrastructure;

namespace Docsfy.AppHostTests;

/// <summary><c>external</c> mode: the services get exactly the connection strings configured, and no server is started.</summary>
public sealed class ExternalModeTests
{
    private const string Database = "Host=db.internal;Port=5433;Username=docsfy;Password=pw;Database=docsfy";
    private const string Messaging = "amqp://docsfy:pw@mq.internal:5673";

    [Fact]
    public async Task The_configured_servers_are_the_resources_the_services_reference()
    {
        var builder = DistributedApplication.CreateBuilder([
            "--Infrastructure:Mode=external", $"--ConnectionStrings:docsfydb={Database}", $"--ConnectionStrings:messaging={Messaging}"]);

        var infrastructure = builder.AddDocsfyInfrastructure();

        Assert.Equal("docsfydb", infrastructure.Database.Resource.Name);
        Assert.Equal("messaging", infrastructure.Messaging.Resource.Name);
        Assert.Equal(Database, await infrastructure.Database.Resource.GetConnectionStringAsync());
        Assert.Equal(Messaging, await infrastructure.Messaging.Resource.GetConnectionStringAsync());
        Assert.Null(infrastructure.LocalData);
        Assert.Empty(builder.Resources.OfType<ExecutableResource>());
        Assert.Empty(builder.Resources.OfType<ContainerResource>());
    }
}

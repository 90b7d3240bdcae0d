using System.Runtime.Versioning;
using Aspire.Hosting.ApplicationModel;

namespace Docsfy.AppHost.Infrastructure;

/// <summary>The machine's RabbitMQ broker, run by DCP as an executable on a port DCP allocates.</summary>
/// <param name="name">Resource name (also the connection string name services ask for).</param>
/// <param name="password">The broker user's password parameter.</param>
/// <param name="dataDirectory">Where the node's data and password live.</param>
[UnsupportedOSPlatform("windows")]
public sealed class LocalRabbitMQServerResource(string name, ParameterResource password, LocalDataDirectory dataDirectory)
    : ExecutableResource(name, LocalBinaries.RabbitMQServer, workingDirectory: "/"), IResourceWithConnectionString
{
    internal const string EndpointName = "tcp";

    /// <summary>The user created when the node first boots (instead of guest).</summary>
    public const string UserName = "docsfy";

    private EndpointReference? _endpoint;

    /// <summary>The AMQP endpoint (proxied by DCP).</summary>
    public EndpointReference PrimaryEndpoint => _endpoint ??= new(this, EndpointName);

    /// <summary>The broker user's password parameter.</summary>
    public ParameterResource Password { get; } = password;

    /// <summary>Where the node's data lives.</summary>
    public LocalDataDirectory DataDirectory { get; } = dataDirectory;

    /// <summary>
    /// The Erlang node name: stable per data folder, because RabbitMQ keeps its data under the node name, and never
    /// shared by two app hosts with different folders, because nodes with one name on one host cannot both run.
    /// </summary>
    public string NodeName => $"docsfy-{DataDirectory.InstanceId}@localhost";

    /// <summary>An <c>amqp://</c> URL, as MassTransit and RabbitMQ.Client take it.</summary>
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://{UserName}:{Password}@{PrimaryEndpoint.Property(EndpointProperty.IPV4Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)}");
}

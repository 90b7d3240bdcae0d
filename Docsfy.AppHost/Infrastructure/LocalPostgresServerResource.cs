using System.Runtime.Versioning;
using Aspire.Hosting.ApplicationModel;

namespace Docsfy.AppHost.Infrastructure;

/// <summary>The machine's PostgreSQL server, run by DCP as an executable on a port DCP allocates.</summary>
/// <param name="name">Resource name.</param>
/// <param name="command">The <c>postgres</c> binary, or <c>setpriv</c> when running as root.</param>
/// <param name="password">The superuser password parameter.</param>
/// <param name="dataDirectory">Where the cluster and its password live.</param>
[UnsupportedOSPlatform("windows")]
public sealed class LocalPostgresServerResource(string name, string command, ParameterResource password, LocalDataDirectory dataDirectory)
    : ExecutableResource(name, command, workingDirectory: "/"), IResourceWithConnectionString
{
    internal const string EndpointName = "tcp";

    /// <summary>The superuser the cluster is initialized with.</summary>
    public const string UserName = "postgres";

    private EndpointReference? _endpoint;

    /// <summary>The TCP endpoint (proxied by DCP).</summary>
    public EndpointReference PrimaryEndpoint => _endpoint ??= new(this, EndpointName);

    /// <summary>The superuser password parameter.</summary>
    public ParameterResource Password { get; } = password;

    /// <summary>Where the cluster lives.</summary>
    public LocalDataDirectory DataDirectory { get; } = dataDirectory;

    /// <summary>The databases to create once the server answers, by resource name.</summary>
    internal Dictionary<string, LocalPostgresDatabaseResource> Databases { get; } = [];

    /// <summary>A connection string to the server's maintenance database.</summary>
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.IPV4Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={UserName};Password={Password}");
}

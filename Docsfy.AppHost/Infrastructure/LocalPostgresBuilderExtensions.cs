using System.Runtime.Versioning;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Docsfy.AppHost.Infrastructure;

/// <summary>Runs the machine's installed PostgreSQL as an Aspire executable resource.</summary>
[UnsupportedOSPlatform("windows")] // Debian paths, setpriv and Unix file modes
public static class LocalPostgresBuilderExtensions
{
    private const string SetPriv = "/usr/bin/setpriv";

    /// <summary>
    /// Adds the highest installed PostgreSQL version as an executable on a DCP-allocated port, its cluster in
    /// <paramref name="dataDirectory"/> (initialized on first start with password authentication), healthy once
    /// <c>select 1</c> answers.
    /// </summary>
    public static IResourceBuilder<LocalPostgresServerResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, string name, LocalDataDirectory dataDirectory)
    {
        var binDirectory = LocalBinaries.FindPostgresBinDirectory() ?? throw new InvalidOperationException(
            $"Infrastructure:Mode is local but PostgreSQL is not installed under /usr/lib/postgresql. Run `{LocalBinaries.InstallCommand}`.");

        var password = dataDirectory.AddGeneratedSecretParameter(builder, $"{name}-password", dataDirectory.PostgresPasswordFile);

        // PostgreSQL refuses to run as root. setpriv execs, so DCP still tracks (and stops) postgres itself.
        var asRoot = LocalDataDirectory.RunningAsRoot;
        var postgres = Path.Combine(binDirectory, "postgres");
        var server = new LocalPostgresServerResource(name, asRoot ? SetPriv : postgres, password.Resource, dataDirectory);

        var healthCheckKey = $"{name}_select_one";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new PostgresSelectOneHealthCheck(server), failureStatus: null, tags: null));

        return builder.AddResource(server)
            .WithEndpoint(scheme: "tcp", name: LocalPostgresServerResource.EndpointName)
            .WithArgs(context =>
            {
                if (asRoot)
                {
                    context.Args.Add("--reuid=postgres");
                    context.Args.Add("--regid=postgres");
                    context.Args.Add("--init-groups");
                    context.Args.Add(postgres);
                }

                context.Args.Add("-D");
                context.Args.Add(dataDirectory.PostgresData);
                context.Args.Add("-p");
                context.Args.Add(server.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
                foreach (var setting in ServerSettings(dataDirectory))
                {
                    context.Args.Add("-c");
                    context.Args.Add(setting);
                }
            })
            .OnBeforeResourceStarted((resource, e, ct) =>
            {
                var logger = e.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource);
                return LocalPostgresSetup.InitializeClusterAsync(resource, binDirectory, asRoot ? SetPriv : null, logger, ct);
            })
            .OnResourceReady((resource, e, ct) => LocalPostgresSetup.CreateDatabasesAsync(resource, e.Services, ct))
            .WithHealthCheck(healthCheckKey);
    }

    /// <summary>
    /// Adds a database to a local server under the resource name services reference. It turns running once the server
    /// answers and the database has been created, and healthy once <c>select 1</c> succeeds on it, so
    /// <c>WaitFor(database)</c> means the database exists and answers.
    /// </summary>
    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<LocalPostgresServerResource> server, string name, string? databaseName = null)
    {
        var database = new LocalPostgresDatabaseResource(name, databaseName ?? name, server.Resource);
        server.Resource.Databases.Add(name, database);

        var healthCheckKey = $"{name}_select_one";
        server.ApplicationBuilder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new PostgresSelectOneHealthCheck(database), failureStatus: null, tags: null));

        return server.ApplicationBuilder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "PostgresDatabase",
                State = KnownResourceStates.Waiting,
                Properties = [],
            })
            .WithHealthCheck(healthCheckKey);
    }

    private static IEnumerable<string> ServerSettings(LocalDataDirectory dataDirectory)
    {
        // DCP's proxy forwards to localhost; nothing else on the network may reach this cluster.
        yield return "listen_addresses=localhost";
        // TCP only: no socket file in /var/run/postgresql (owned by the distribution's own cluster) or in a long path.
        yield return "unix_socket_directories=";
        if (dataDirectory.IsEphemeral)
        {
            // Throw-away test data: durability costs time and buys nothing.
            yield return "fsync=off";
            yield return "synchronous_commit=off";
            yield return "full_page_writes=off";
        }
    }
}

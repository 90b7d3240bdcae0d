using System.Runtime.Versioning;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Docsfy.AppHost.Infrastructure;

/// <summary>Runs the machine's installed RabbitMQ as an Aspire executable resource.</summary>
[UnsupportedOSPlatform("windows")] // Debian paths, setpriv and Unix file modes
public static class LocalRabbitMQBuilderExtensions
{
    /// <summary>
    /// Adds the installed RabbitMQ broker as an executable on a DCP-allocated port, its node data in
    /// <paramref name="dataDirectory"/>, healthy once an AMQP connection opens.
    /// </summary>
    public static IResourceBuilder<LocalRabbitMQServerResource> AddLocalRabbitMQ(
        this IDistributedApplicationBuilder builder, string name, LocalDataDirectory dataDirectory)
    {
        if (!File.Exists(LocalBinaries.RabbitMQServer))
        {
            throw new InvalidOperationException(
                $"Infrastructure:Mode is local but RabbitMQ is not installed ({LocalBinaries.RabbitMQServer}). Run `{LocalBinaries.InstallCommand}`.");
        }

        // Hex: it goes into rabbitmq.conf and an amqp:// URL, where other characters would need escaping.
        var password = builder.AddParameter($"{name}-password", () =>
        {
            dataDirectory.EnsureCreated();
            return SecretFile.ReadOrCreate(dataDirectory.RabbitMQPasswordFile, () => SecretGenerator.Hex());
        }, secret: true);

        var broker = new LocalRabbitMQServerResource(name, password.Resource, dataDirectory);
        var folder = dataDirectory.RabbitMQ;

        var healthCheckKey = $"{name}_amqp_connect";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new RabbitMQConnectionHealthCheck(broker), failureStatus: null, tags: null));

        return builder.AddResource(broker)
            .WithEndpoint(scheme: "tcp", name: LocalRabbitMQServerResource.EndpointName)
            .WithEnvironment(context =>
            {
                var env = context.EnvironmentVariables;
                env["HOME"] = folder; // the Erlang cookie lives here
                env["RABBITMQ_NODENAME"] = broker.NodeName;
                env["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
                env["RABBITMQ_NODE_PORT"] = broker.PrimaryEndpoint.Property(EndpointProperty.TargetPort);
                // The default is the AMQP port + 20000, which overflows 65535 for DCP's high ports.
                env["RABBITMQ_DIST_PORT"] = FreeTcpPort.Next().ToString();
                env["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}";
                env["ERL_EPMD_ADDRESS"] = "127.0.0.1";
                env["RABBITMQ_MNESIA_BASE"] = Path.Combine(folder, "mnesia");
                env["RABBITMQ_LOG_BASE"] = Path.Combine(folder, "log");
                env["RABBITMQ_LOGS"] = "-"; // to stdout, i.e. the dashboard's console log
                env["RABBITMQ_CONFIG_FILE"] = Path.Combine(folder, "rabbitmq.conf");
                env["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(folder, "enabled_plugins");
                // Our own (empty) env file: /etc/rabbitmq/rabbitmq-env.conf belongs to the distribution's service.
                env["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(folder, "rabbitmq-env.conf");
            })
            .OnBeforeResourceStarted(async (resource, _, ct) =>
            {
                dataDirectory.EnsureCreated();
                Directory.CreateDirectory(folder);
                var secret = await resource.Password.GetValueAsync(ct);
                // default_user only takes effect when the node boots with an empty database, which is exactly when the
                // password file was generated; later starts keep the user that the node already has.
                SecretFile.WritePrivate(Path.Combine(folder, "rabbitmq.conf"),
                    $"default_user = {LocalRabbitMQServerResource.UserName}\ndefault_pass = {secret}\n");
                await File.WriteAllTextAsync(Path.Combine(folder, "enabled_plugins"), "[].\n", ct);
                await File.WriteAllTextAsync(Path.Combine(folder, "rabbitmq-env.conf"), "", ct);
            })
            .WithHealthCheck(healthCheckKey);
    }
}

using Aspire.Hosting;
using Microsoft.Extensions.Logging;

namespace Docsfy.AppHost.Infrastructure;

/// <summary>Chooses where PostgreSQL and RabbitMQ come from (setting <c>Infrastructure:Mode</c>).</summary>
public static class InfrastructureBuilderExtensions
{
    /// <summary>Resource name of the database; services call <c>AddNpgsqlDataSource("docsfydb")</c>.</summary>
    public const string DatabaseName = "docsfydb";

    /// <summary>Resource name of the broker; services read <c>ConnectionStrings:messaging</c>.</summary>
    public const string MessagingName = "messaging";

    /// <summary>
    /// Adds the <c>docsfydb</c> database and the <c>messaging</c> broker from containers, the machine's installed
    /// binaries, or existing servers, as <c>Infrastructure:Mode</c> says (auto by default), and logs the choice.
    /// Services see the same resource names and connection strings in every mode.
    /// </summary>
    public static DocsfyInfrastructure AddDocsfyInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var settings = InfrastructureSettings.From(builder.Configuration);
        var selection = InfrastructureModeSelection.Resolve(
            settings.Mode, builder.ExecutionContext.IsPublishMode, builder.Configuration["ASPIRE_CONTAINER_RUNTIME"],
            InfrastructureProbes.Machine);

        builder.LogOnStart(LogLevel.Information, "Infrastructure mode {Mode} ({Reason}).",
            selection.Mode.ToString().ToLowerInvariant(), selection.Reason);

        var infrastructure = selection.Mode switch
        {
            InfrastructureMode.Containers => AddContainers(builder),
            InfrastructureMode.Local => AddLocal(builder, settings),
            InfrastructureMode.External => new DocsfyInfrastructure(
                builder.AddConnectionString(DatabaseName), builder.AddConnectionString(MessagingName)),
            _ => throw new InvalidOperationException($"Unexpected infrastructure mode {selection.Mode}."),
        };

        return infrastructure;
    }

    private static DocsfyInfrastructure AddContainers(IDistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres("postgres");
        var messaging = builder.AddRabbitMQ(MessagingName);
        if (builder.ExecutionContext.IsRunMode)
        {
            postgres.WithDataVolume();
            messaging.WithDataVolume();
        }
        else
        {
            // Azure Container Apps backs a volume with an Azure Files share, where PostgreSQL's initdb cannot chmod its
            // data folder and RabbitMQ cannot make its Erlang cookie owner-only: with a volume neither would ever start
            // (Aspire's PostgreSQL docs say so). Published containers keep their data for the life of the replica; a
            // lasting deployment uses Infrastructure:Mode external with a managed server (README, Deploy to Azure).
            builder.LogOnStart(LogLevel.Warning,
                "Published PostgreSQL and RabbitMQ containers have no data volume: their data lasts as long as the container. " +
                "For lasting data publish with Infrastructure:Mode=external (README, Deploy to Azure).");
        }
        return new DocsfyInfrastructure(postgres.AddDatabase(DatabaseName), messaging);
    }

    private static DocsfyInfrastructure AddLocal(IDistributedApplicationBuilder builder, InfrastructureSettings settings)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Infrastructure:Mode local runs Debian's PostgreSQL and RabbitMQ packages; use containers or external on Windows.");
        }

        var dataDirectory = LocalDataDirectory.From(settings);
        var database = builder.AddLocalPostgres("postgres", dataDirectory).AddDatabase(DatabaseName);
        var messaging = builder.AddLocalRabbitMQ(MessagingName, dataDirectory);

        builder.LogOnStart(LogLevel.Information, "Local infrastructure data folder: {DataDir}{Ephemeral}.",
            dataDirectory.Root, dataDirectory.IsEphemeral ? " (ephemeral: deleted when the app host stops)" : "");
        dataDirectory.DeleteOnShutdownIfEphemeral(builder);

        return new DocsfyInfrastructure(database, messaging, dataDirectory);
    }
}

using Docsfy.Worker.Cloning;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class CloningExtensions
{
    /// <summary>
    /// Adds the <see cref="IRepositoryCloner"/> and its limits (<see cref="CloningOptions"/>, configuration section
    /// <c>Clone</c>), validated on start.
    /// </summary>
    public static IHostApplicationBuilder AddRepositoryCloning(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CloningOptions>()
            .BindConfiguration(CloningOptions.Section)
            .Validate(options => options.Problem() is null, "Invalid Clone settings: Timeout, MaxBytes, MaxFiles and every HistoryDepths entry must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IRepositoryCloner, RepositoryCloner>();
        // Needs the credential store (AddRepositoryCredentials): a private repository's source carries its credential.
        builder.Services.AddSingleton<RepositorySources>();
        return builder;
    }

    /// <summary>Answers the API's branch listings and head checks; call inside the worker's bus registration.</summary>
    public static void AddBranchListingConsumer(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<ListBranchesConsumer, ListBranchesConsumerDefinition>();
        bus.AddConsumer<ResolveBranchHeadConsumer, ResolveBranchHeadConsumerDefinition>();
    }
}

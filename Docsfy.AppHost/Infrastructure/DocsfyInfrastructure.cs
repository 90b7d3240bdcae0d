using Aspire.Hosting.ApplicationModel;

namespace Docsfy.AppHost.Infrastructure;

/// <summary>The two resources every service references, whichever mode provides them.</summary>
/// <param name="Database">The PostgreSQL database, resource name <c>docsfydb</c>.</param>
/// <param name="Messaging">The RabbitMQ broker, resource name <c>messaging</c>.</param>
/// <param name="LocalData">Local mode's data folder (where other generated secrets can live with the data); else null.</param>
public sealed record DocsfyInfrastructure(
    IResourceBuilder<IResourceWithConnectionString> Database,
    IResourceBuilder<IResourceWithConnectionString> Messaging,
    LocalDataDirectory? LocalData = null);

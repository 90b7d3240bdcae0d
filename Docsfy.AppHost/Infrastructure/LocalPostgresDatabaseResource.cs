using System.Runtime.Versioning;
using Aspire.Hosting.ApplicationModel;

namespace Docsfy.AppHost.Infrastructure;

/// <summary>
/// A database on a <see cref="LocalPostgresServerResource"/>, mirroring Aspire's <c>AddPostgres().AddDatabase()</c> so
/// that services reference the same resource name in every mode.
/// </summary>
/// <param name="name">Resource name (also the connection string name services ask for).</param>
/// <param name="databaseName">The database's name in PostgreSQL.</param>
/// <param name="parent">The server.</param>
[UnsupportedOSPlatform("windows")]
public sealed class LocalPostgresDatabaseResource(string name, string databaseName, LocalPostgresServerResource parent)
    : Resource(name), IResourceWithParent<LocalPostgresServerResource>, IResourceWithConnectionString
{
    /// <summary>The database's name in PostgreSQL.</summary>
    public string DatabaseName { get; } = databaseName;

    /// <summary>The server.</summary>
    public LocalPostgresServerResource Parent { get; } = parent;

    /// <summary>The server's connection string with this database.</summary>
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{Parent};Database={DatabaseName}");
}

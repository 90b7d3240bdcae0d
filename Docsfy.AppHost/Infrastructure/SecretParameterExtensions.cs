using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;

namespace Docsfy.AppHost.Infrastructure;

/// <summary>The API's two secrets as Aspire secret parameters, with run-mode defaults so a fresh clone just starts.</summary>
public static class SecretParameterExtensions
{
    /// <summary>Parameter name of the admin key (configuration <c>Parameters:admin-key</c>).</summary>
    public const string AdminKeyName = "admin-key";

    /// <summary>
    /// An environment variable for the admin key that a shell can set: bash cannot export <c>Parameters__admin-key</c>
    /// (a name with '-' is not an identifier), so that way of setting it silently did nothing.
    /// </summary>
    public const string AdminKeyVariable = "DOCSFY_ADMIN_KEY";

    /// <summary>Parameter name of the API key hashing secret (configuration <c>Parameters:key-hash-secret</c>).</summary>
    public const string KeyHashSecretName = "key-hash-secret";

    private const int MinimumSecretLength = 32;

    /// <summary>
    /// Adds the <c>admin-key</c> secret parameter. In run mode without a configured value, a random key is generated
    /// for this run and logged once with how to set a permanent one; otherwise Aspire would hold every service until
    /// someone typed a value into the dashboard.
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddAdminKey(this IDistributedApplicationBuilder builder)
    {
        if (!builder.ExecutionContext.IsRunMode || !string.IsNullOrEmpty(builder.Configuration[$"Parameters:{AdminKeyName}"]))
        {
            return builder.AddParameter(AdminKeyName, secret: true);
        }
        if (builder.Configuration[AdminKeyVariable] is { Length: > 0 } fromVariable)
        {
            return builder.AddParameter(AdminKeyName, fromVariable, secret: true);
        }

        var key = SecretGenerator.UrlSafe();
        builder.LogOnStart(LogLevel.Warning,
            "No admin key is configured, so this run uses a generated one: {AdminKey} (log in as 'admin' with it). " +
            "It changes at every start; set a permanent one with `dotnet user-secrets set Parameters:{ParameterName} <key> --project Docsfy.AppHost`, " +
            "per shell with `export {AdminKeyVariable}=<key>`, or per start with `scripts/start --Parameters:{ParameterName}=<key>`.",
            key, AdminKeyName, AdminKeyVariable, AdminKeyName);
        return builder.AddParameter(AdminKeyName, key, secret: true);
    }

    /// <summary>
    /// Adds the <c>key-hash-secret</c> secret parameter that the API HMACs user API keys with. Stored key hashes are
    /// useless without the same secret, so when it is not configured it must outlive an app host restart: in local
    /// mode it is generated once into the data folder (0600), living exactly as long as the database it protects
    /// (an ephemeral folder gives a fresh one per run); with containers or external servers it is generated once and
    /// persisted to the app host's user secrets; in publish mode the deployment tool generates it from the manifest.
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddKeyHashSecret(this IDistributedApplicationBuilder builder, DocsfyInfrastructure infrastructure)
    {
        var configured = builder.Configuration[$"Parameters:{KeyHashSecretName}"];
        if (!string.IsNullOrEmpty(configured))
        {
            if (configured.Length < MinimumSecretLength)
            {
                throw new InvalidOperationException($"Parameters:{KeyHashSecretName} must be at least {MinimumSecretLength} characters.");
            }

            // A separate secret, so rotating the admin key does not invalidate every user's API key.
            if (configured == builder.Configuration[$"Parameters:{AdminKeyName}"] || configured == builder.Configuration[AdminKeyVariable])
            {
                throw new InvalidOperationException($"Parameters:{KeyHashSecretName} must differ from Parameters:{AdminKeyName}.");
            }

            return builder.AddParameter(KeyHashSecretName, secret: true);
        }

        if (builder.ExecutionContext.IsRunMode && infrastructure.LocalData is { } dataDirectory && !OperatingSystem.IsWindows())
        {
            return dataDirectory.AddGeneratedSecretParameter(builder, KeyHashSecretName, dataDirectory.KeyHashSecretFile);
        }

        // Aspire writes a generated value to user secrets, which it reads back only in the Development environment
        // (the launch profile's); outside it a value would be generated, and overwritten, at every start.
        var generated = new GenerateParameterDefault { MinLength = 48, Special = false };
        return builder.AddParameter(KeyHashSecretName, generated, secret: true, persist: builder.ExecutionContext.IsRunMode);
    }
}

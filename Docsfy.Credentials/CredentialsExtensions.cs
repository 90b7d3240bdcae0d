using Docsfy.Credentials;
using Docsfy.Credentials.KeyRing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

public static class CredentialsExtensions
{
    /// <summary>
    /// The name every service protects under: Data Protection isolates applications by it, and the API's replicas and
    /// the worker must be one application to open each other's payloads.
    /// </summary>
    public const string ApplicationName = "Docsfy";

    /// <summary>
    /// Repository credentials at rest: Data Protection with its key ring in PostgreSQL (encrypted with a key derived
    /// from <c>DOCSFY_KEY_HASH_SECRET</c>), and the <see cref="CredentialStore"/>. Call in every service that reads or
    /// writes credentials (the API and the worker), after the <c>NpgsqlDataSource</c> is registered.
    /// </summary>
    public static IHostApplicationBuilder AddRepositoryCredentials(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<KeyRingOptions>()
            .Configure<IConfiguration>((options, configuration) =>
                options.Secret = configuration[KeyRingOptions.SecretSetting] ?? options.Secret)
            .Validate(options => options.Secret.Length >= KeyRingOptions.MinSecretLength,
                $"{KeyRingOptions.SecretSetting} must be set to at least {KeyRingOptions.MinSecretLength} characters: it encrypts the key ring of repository credentials.")
            .ValidateOnStart();
        builder.Services.AddDataProtection().SetApplicationName(ApplicationName);
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<NpgsqlDataSource, IOptions<KeyRingOptions>>((options, dataSource, keyRing) =>
            {
                options.XmlRepository = new PostgresXmlRepository(dataSource);
                options.XmlEncryptor = new KeyRingEncryptor(KeyRingKey.Derive(keyRing.Value.Secret));
            });
        builder.Services.AddSingleton<CredentialStore>();
        return builder;
    }
}

using System.Text.Json.Nodes;
using Docsfy.AppHost.Deployment;
using Docsfy.AppHost.Infrastructure;

namespace Docsfy.AppHostTests.Deployment;

/// <summary>
/// What `azd up` deploys, checked without a cloud: the manifest azd generates from the app host, its resources, their
/// bindings and parameters, and that no secret the app host was given is written into it.
/// </summary>
public sealed class PublishManifestTests
{
    // Secrets as a deploying developer's shell or user secrets might hold them: none may reach the manifest.
    private const string AdminKey = "admin-key-sentinel-7f3b9c2e4d1a";
    private const string KeyHashSecret = "key-hash-secret-sentinel-0123456789abcdef";
    private const string AnthropicKey = "sk-ant-sentinel-5e8d";
    private const string OpenAIKey = "sk-openai-sentinel-9a1c";

    private static readonly Dictionary<string, string> Secrets = new()
    {
        ["Parameters__admin-key"] = AdminKey,
        ["Parameters__key-hash-secret"] = KeyHashSecret,
        ["ANTHROPIC_API_KEY"] = AnthropicKey,
        ["OPENAI_API_KEY"] = OpenAIKey,
    };

    // One publish serves the tests that only read the default topology (each publish is a `dotnet run`).
    private static readonly Lazy<Task<PublishedManifest>> Default = new(() => PublishedManifest.PublishAsync(Secrets));

    [Fact]
    public async Task PostgreSQL_and_RabbitMQ_are_containers_the_services_reach_through_their_resource_names()
    {
        var manifest = await Default.Value;

        var postgres = manifest["postgres"];
        Assert.Equal("container.v0", (string?)postgres["type"]);
        Assert.StartsWith("docker.io/library/postgres:", (string?)postgres["image"]);
        Assert.Equal(5432, (int?)postgres["bindings"]!["tcp"]!["targetPort"]);
        Assert.Equal("{postgres-password.value}", (string?)postgres["env"]!["POSTGRES_PASSWORD"]);
        var messaging = manifest[InfrastructureBuilderExtensions.MessagingName];
        Assert.Equal("container.v0", (string?)messaging["type"]);
        Assert.StartsWith("docker.io/library/rabbitmq:", (string?)messaging["image"]);
        Assert.Equal(5672, (int?)messaging["bindings"]!["tcp"]!["targetPort"]);
        Assert.Equal("{messaging-password.value}", (string?)messaging["env"]!["RABBITMQ_DEFAULT_PASS"]);
        Assert.Equal("{postgres.connectionString};Database=docsfydb",
            (string?)manifest[InfrastructureBuilderExtensions.DatabaseName]["connectionString"]);

        // Container Apps backs volumes with Azure Files, where neither server can start (see AddContainers).
        Assert.Null(postgres["volumes"]);
        Assert.Null(messaging["volumes"]);
        // Never the local-binaries executables of run mode.
        Assert.DoesNotContain(manifest.Resources, resource => ((string?)resource.Value!["type"])!.StartsWith("executable", StringComparison.Ordinal));

        foreach (var service in new[] { "migrations", "api", "worker" })
        {
            var env = manifest[service]["env"]!;
            Assert.Equal("{docsfydb.connectionString}", (string?)env["ConnectionStrings__docsfydb"]);
            if (service != "migrations")
            {
                Assert.Equal("{messaging.connectionString}", (string?)env["ConnectionStrings__messaging"]);
            }
        }
        AssertGeneratedSecret(manifest["postgres-password"]);
        AssertGeneratedSecret(manifest["messaging-password"]);
    }

    [Fact]
    public async Task The_migrations_run_as_a_project_and_the_api_is_reachable_from_outside_over_https()
    {
        // No secret configured: what a fresh clone publishes, as `azd up` does on a new machine.
        var manifest = await PublishedManifest.PublishAsync(new Dictionary<string, string>());

        var migrations = manifest["migrations"];
        Assert.Equal("project.v0", (string?)migrations["type"]);
        Assert.Equal(RepositoryRoot.File("Docsfy.MigrationService/Docsfy.MigrationService.csproj"), manifest.FullPath((string)migrations["path"]!));
        Assert.Null(migrations["bindings"]);

        var api = manifest["api"];
        Assert.Equal("project.v0", (string?)api["type"]);
        Assert.Equal(RepositoryRoot.File("Docsfy.Api/Docsfy.Api.csproj"), manifest.FullPath((string)api["path"]!));
        var https = api["bindings"]!["https"]!;
        Assert.Equal("https", (string?)https["scheme"]);
        Assert.True((bool?)https["external"]);
        Assert.Equal("http", (string?)https["transport"]);

        var env = api["env"]!;
        Assert.Equal("{admin-key.value}", (string?)env["ADMIN_KEY"]);
        Assert.Equal("{key-hash-secret.value}", (string?)env["DOCSFY_KEY_HASH_SECRET"]);
        Assert.Equal("true", (string?)env["SECURE_COOKIES"]);
        Assert.Equal($"{{{TrustedProxies.ParameterName}.value}}", (string?)env["ForwardedHeaders__TrustedProxies__0"]);
        Assert.Null(env["ForwardedHeaders__TrustedProxies__1"]);
        // Only the API's own forwarded-headers middleware reads the headers, not a second one that believes anybody.
        Assert.Equal("false", (string?)env["ASPNETCORE_FORWARDEDHEADERS_ENABLED"]);

        // The admin key has no default: azd asks for it. The hashing secret is generated by azd once.
        var adminKey = manifest[SecretParameterExtensions.AdminKeyName]["inputs"]!["value"]!;
        Assert.True((bool?)adminKey["secret"]);
        Assert.Null(adminKey["default"]);
        AssertGeneratedSecret(manifest[SecretParameterExtensions.KeyHashSecretName]);

        // The ingress's networks: a default the deployment can change, and no secret.
        var proxies = manifest[TrustedProxies.ParameterName]["inputs"]!["value"]!;
        Assert.Null(proxies["secret"]);
        Assert.Equal(string.Join(',', TrustedProxies.PublishModeDefault), (string?)proxies["default"]!["value"]);
        Assert.Contains("100.64.0.0/10", TrustedProxies.PublishModeDefault);
    }

    [Fact]
    public async Task The_worker_is_built_from_its_Dockerfile_and_has_no_public_endpoint()
    {
        var manifest = await Default.Value;

        var worker = manifest["worker"];
        Assert.Equal("container.v1", (string?)worker["type"]);
        var build = worker["build"]!;
        Assert.Equal(RepositoryRoot.Path, manifest.FullPath((string)build["context"]!).TrimEnd('/'));
        var dockerfile = manifest.FullPath((string)build["dockerfile"]!);
        Assert.Equal(RepositoryRoot.File(WorkerDeploymentExtensions.Dockerfile), dockerfile);
        Assert.True(File.Exists(dockerfile));
        Assert.Equal("", (string?)build["args"]![WorkerDeploymentExtensions.AiToolsArgument]);
        Assert.Null(build["secrets"]);

        foreach (var binding in worker["bindings"]!.AsObject())
        {
            Assert.NotEqual(true, (bool?)binding.Value!["external"]);
        }
        Assert.Equal(8080, (int?)worker["bindings"]!["http"]!["targetPort"]);
        // Without AI providers configured there is nothing to ask for.
        Assert.DoesNotContain(manifest.Resources, resource => resource.Key.EndsWith("-api-key", StringComparison.Ordinal));
        Assert.Null(worker["env"]!["ANTHROPIC_API_KEY"]);
    }

    [Fact]
    public async Task The_configured_AI_providers_are_installed_in_the_image_and_their_keys_are_secret_parameters()
    {
        var manifest = await PublishedManifest.PublishAsync(new Dictionary<string, string>(Secrets)
        {
            [DeployedAiProviders.Setting] = "Claude; gemini cursor,openai offline",
        });

        var worker = manifest["worker"];
        Assert.Equal("claude gemini cursor", (string?)worker["build"]!["args"]![WorkerDeploymentExtensions.AiToolsArgument]);
        var env = worker["env"]!;
        foreach (var (parameter, variable) in DeployedAiProviders.ApiKeys.Values)
        {
            Assert.Equal($"{{{parameter}.value}}", (string?)env[variable]);
            var input = manifest[parameter]["inputs"]!["value"]!;
            Assert.True((bool?)input["secret"]);
            Assert.Null(input["default"]);
        }
        var baseUrl = DeployedAiProviders.OpenAIBaseUrl;
        Assert.Equal($"{{{baseUrl.Parameter}.value}}", (string?)env[baseUrl.Variable]);
        Assert.Null(manifest[baseUrl.Parameter]["inputs"]!["value"]!["secret"]);
        // The API offers exactly what the workers were built for.
        Assert.Equal("Claude; gemini cursor,openai offline", (string?)manifest["api"]["env"]![DeployedAiProviders.Setting]);
        AssertNoSecretIn(manifest);
    }

    [Fact]
    public async Task No_secret_the_app_host_was_given_is_written_into_the_manifest()
    {
        var manifest = await PublishedManifest.PublishAsync(new Dictionary<string, string>(Secrets)
        {
            [SecretParameterExtensions.AdminKeyVariable] = AdminKey + "-variable",
        });

        AssertNoSecretIn(manifest);
        foreach (var (name, resource) in manifest.Resources)
        {
            if ((bool?)resource!["inputs"]?["value"]?["secret"] == true)
            {
                // A secret is asked for or generated at deployment, never carried as a value.
                Assert.Null(resource["inputs"]!["value"]!["default"]?["value"]);
            }
        }
    }

    [Theory]
    [InlineData("external", "parameter.v0")]
    [InlineData("local", "container.v0")]
    [InlineData("auto", "container.v0")]
    public async Task Publishing_takes_external_servers_when_asked_and_containers_otherwise(string mode, string databaseType)
    {
        var manifest = await PublishedManifest.PublishAsync(new Dictionary<string, string>(Secrets) { ["Infrastructure__Mode"] = mode });

        if (mode == "external")
        {
            // azd asks for both connection strings, as secrets: a managed PostgreSQL and a RabbitMQ the operator runs.
            foreach (var name in new[] { InfrastructureBuilderExtensions.DatabaseName, InfrastructureBuilderExtensions.MessagingName })
            {
                Assert.Equal(databaseType, (string?)manifest[name]["type"]);
                Assert.True((bool?)manifest[name]["inputs"]!["value"]!["secret"]);
                Assert.Equal($"{{{name}.value}}", (string?)manifest[name]["connectionString"]);
            }
            Assert.Null(manifest.Resources["postgres"]);
        }
        else
        {
            Assert.Equal(databaseType, (string?)manifest["postgres"]["type"]);
            Assert.Equal(databaseType, (string?)manifest[InfrastructureBuilderExtensions.MessagingName]["type"]);
        }
    }

    private static void AssertGeneratedSecret(JsonObject parameter)
    {
        Assert.Equal("parameter.v0", (string?)parameter["type"]);
        var input = parameter["inputs"]!["value"]!;
        Assert.True((bool?)input["secret"]);
        Assert.NotNull(input["default"]!["generate"]);
    }

    private static void AssertNoSecretIn(PublishedManifest manifest)
    {
        foreach (var secret in new[] { AdminKey, KeyHashSecret, AnthropicKey, OpenAIKey })
        {
            Assert.DoesNotContain(secret, manifest.Text, StringComparison.Ordinal);
        }
    }
}

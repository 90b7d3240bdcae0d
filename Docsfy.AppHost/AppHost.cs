using Docsfy.AppHost.Deployment;
using Docsfy.AppHost.Infrastructure;
using Docsfy.AppHost.Restarts;
using Microsoft.Extensions.Configuration;

var builder = DistributedApplication.CreateBuilder(args);

// Infrastructure: containers, the machine's own binaries, or existing servers (Infrastructure:Mode, see README).
var infrastructure = builder.AddDocsfyInfrastructure();
var database = infrastructure.Database;
var messaging = infrastructure.Messaging;

var adminKey = builder.AddAdminKey();
var keyHashSecret = builder.AddKeyHashSecret(infrastructure);

// The schema's one owner: applies the migrations and exits 0 before either service starts (README, Architecture).
var migrations = builder.AddProject<Projects.Docsfy_MigrationService>("migrations")
    .WithReference(database).WaitFor(database);

var api = builder.AddProject<Projects.Docsfy_Api>("api")
    .WithReference(database).WaitForCompletion(migrations)
    .WithReference(messaging).WaitFor(messaging)
    .WithEnvironment("ADMIN_KEY", adminKey)
    .WithEnvironment("DOCSFY_KEY_HASH_SECRET", keyHashSecret)
    // A local run serves plain http, where browsers drop Secure cookies; a deployment sits behind https.
    .WithEnvironment("SECURE_COOKIES", builder.ExecutionContext.IsRunMode ? "false" : "true")
    // The client's address comes from X-Forwarded-For, believed only from the proxy in front (Api:TrustedProxies).
    .WithTrustedProxies(builder)
    .WithReplicas(builder.Configuration.GetValue("Api:Replicas", 1))
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");
// Which AI providers the workers can run, and the defaults (README, Configuration), from this host's settings.
foreach (var setting in new[] { "AI_AVAILABLE_PROVIDERS", "AI_PROVIDER", "AI_MODEL" })
{
    if (builder.Configuration[setting] is { Length: > 0 } value)
    {
        api.WithEnvironment(setting, value);
    }
}

// Not after the API: every message a worker sends answers a command the API sent, so the API's queues exist by then.
builder.AddProject<Projects.Docsfy_Worker>("worker")
    .WithReference(database).WaitForCompletion(migrations)
    .WithReference(messaging).WaitFor(messaging)
    // Opens the Data Protection key ring private repositories' credentials are encrypted with (README, Private repositories).
    .WithEnvironment("DOCSFY_KEY_HASH_SECRET", keyHashSecret)
    .WithHttpHealthCheck("/health")
    // With 2 or more, a killed worker's run continues on another (docs/design/pipeline.md §12).
    .WithReplicas(builder.Configuration.GetValue("Worker:Replicas", 1))
    // Published: built from Docsfy.Worker/Dockerfile (git, ssh, the AI tools), the AI keys as secret parameters.
    .WithDeployment(builder)
    // Run mode: a crashed worker is started again (Worker:RestartOnExit); a deployment's platform does that itself.
    .WithRestartOnExit(builder.Configuration.GetSection("Worker"));

builder.Build().Run();

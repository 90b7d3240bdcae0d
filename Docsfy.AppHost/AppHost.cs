var builder = DistributedApplication.CreateBuilder(args);

// Infrastructure: containers, the machine's own binaries, or existing servers (Infrastructure:Mode, see README).
var database = builder.AddPostgres("postgres").AddDatabase("docsfydb");
var messaging = builder.AddRabbitMQ("messaging");

var adminKey = builder.AddParameter("admin-key", secret: true);

var api = builder.AddProject<Projects.Docsfy_Api>("api")
    .WithReference(database).WaitFor(database)
    .WithReference(messaging).WaitFor(messaging)
    .WithEnvironment("ADMIN_KEY", adminKey)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.Docsfy_Worker>("worker")
    .WithReference(messaging).WaitFor(messaging)
    .WaitFor(api)
    .WithHttpHealthCheck("/health");

builder.Build().Run();

using Docsfy.Schema;
using Docsfy.Worker.Ai;
using Docsfy.Worker.Cloning;
using Docsfy.Worker.Generation;
using Docsfy.Worker.Rendering;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDataSource("docsfydb");
builder.Services.AddSchemaVersionCheck(); // the worker writes runs' sites and page cache: it needs this build's schema
builder.AddDocsfyMessaging(bus =>
{
    bus.AddGenerationConsumers();
    bus.AddBranchListingConsumer();
});
builder.AddGenerationRuns();
builder.AddAiProviders();
builder.AddRepositoryCloning();
builder.AddRepositoryCredentials(); // private repositories: opens what the API stored, with the same key ring
builder.AddDocsfyRendering();
builder.AddRunDrain();

var app = builder.Build();

// The worker serves no API; its HTTP endpoint exists so the app host can health-check it (database and bus).
app.MapDefaultEndpoints();

app.Run();

using Docsfy.Api.Access;
using Docsfy.Api.Auth;
using Docsfy.Api.Credentials;
using Docsfy.Api.Dashboard;
using Docsfy.Api.Data;
using Docsfy.Api.Docs;
using Docsfy.Api.Generation;
using Docsfy.Api.Http;
using Docsfy.Api.Hub;
using Docsfy.Api.Mcp;
using Docsfy.Api.Models;
using Docsfy.Api.OpenApi;
using Docsfy.Api.Projects;
using Docsfy.Api.Refresh;
using Docsfy.Api.Search;
using Docsfy.Api.Users;
using Docsfy.Api.Vocabulary;
using Docsfy.Api.Workers;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDocsfyDatabase();
builder.AddDocsfyMessaging(bus =>
{
    bus.AddHubConsumers();
    bus.AddBranchListing();
    bus.AddHeadChecks();
    bus.AddWorkerPresenceConsumer();
});
builder.AddDocsfyHttp();
builder.AddDocsfyForwardedHeaders();
builder.AddDocsfyRequestLimits();
builder.AddDocsfyAuth();
builder.AddAiDefaults();
builder.AddDocsfyHub();
builder.AddDocsfyWorkers();
builder.AddDocsfyGeneration();
builder.Services.AddSingleton<UserStore>();
builder.Services.AddSingleton<AccessStore>();
builder.Services.AddSingleton<ProjectStore>();
builder.Services.AddSingleton<ProjectDeleter>();
builder.AddDocsfyDocs();
builder.AddDocsfyRefresh();
builder.AddRepositoryCredentials();
builder.AddDocsfySearch();
builder.AddDocsfyMcp();
builder.AddDocsfyOpenApi();

var app = builder.Build();

app.UseForwardedHeaders();
app.UseDocsfyRequestLimits();
app.UseJsonErrors();
app.UseDocsfyHub();
app.UseDashboardAssets();
app.UseSameOriginCookieWrites();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapAuthApi();
app.MapUsersApi();
app.MapAccessApi();
app.MapProjectsApi();
app.MapDocsApi();
app.MapModelsApi();
app.MapVocabularyApi();
app.MapGenerationApi();
app.MapBranchesApi();
app.MapRefreshApi();
app.MapCredentialsApi();
app.MapSearchApi();
app.MapDocsfyMcp();
app.MapWorkersApi();
app.MapDashboard();
app.MapDocsfyOpenApi();

app.Run();

/// <summary>Entry point, visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;

using System.Net;
using System.Text.Json;
using Docsfy.Api.Mcp;
using Docsfy.Api.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Docsfy.UnitTests.OpenApi;

/// <summary>
/// The OpenAPI document against the endpoints the API really maps: every route and method is an operation (and every
/// operation a route), every error is the one error shape, and security follows authorization. Built in memory
/// (<see cref="UnstartedApi"/>); the document's schemas against real answers are the integration tests' business.
/// </summary>
public sealed class OpenApiDocumentTests : IClassFixture<OpenApiDocumentTests.DevelopmentApi>
{
    public sealed class DevelopmentApi() : UnstartedApiHolder("Development");

    private readonly UnstartedApi _api;
    private readonly JsonElement _document;

    public OpenApiDocumentTests(DevelopmentApi holder)
    {
        _api = holder.Api;
        _document = holder.Document;
    }

    /// <summary>
    /// Routes that are not part of the API's contract: the document itself, the reference page and its assets, the
    /// orchestrator's health probes (<c>/health</c>, <c>/alive</c>, which answer a status word, not JSON), and the MCP
    /// endpoint, whose contract is the Model Context Protocol's JSON-RPC and its tool list (the SDK leaves it out of
    /// API descriptions).
    /// </summary>
    private static bool IsOutsideTheContract(string pattern) =>
        pattern.StartsWith("/openapi/", StringComparison.Ordinal)
        || pattern.StartsWith(OpenApiExtensions.ReferencePath + "/", StringComparison.Ordinal)
        || pattern is "/health" or "/alive"
        || pattern.StartsWith(McpExtensions.Path, StringComparison.Ordinal);

    [Fact]
    public void Every_mapped_route_and_method_is_an_operation_and_every_operation_is_mapped()
    {
        var mapped = _api.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => !IsOutsideTheContract(endpoint.RoutePattern.RawText!))
            .SelectMany(endpoint =>
                (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["(any method)"])
                .Select(method => $"{method.ToUpperInvariant()} {DocumentPath(endpoint.RoutePattern.RawText!)}"))
            .ToHashSet();
        var documented = _document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(operation => operation.Name != "parameters")
                .Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet();

        Assert.True(mapped.Count > 30, $"Only {mapped.Count} endpoints found: is the API's Program mapping its features?");
        Assert.Empty(mapped.Except(documented).Order());
        Assert.Empty(documented.Except(mapped).Order());
    }

    [Fact]
    public void Every_operation_has_a_summary_and_every_error_is_the_one_error_shape()
    {
        foreach (var (name, operation) in Operations())
        {
            Assert.False(string.IsNullOrWhiteSpace(operation.TryGetProperty("summary", out var summary) ? summary.GetString() : null),
                $"{name} has no summary");
            foreach (var response in operation.GetProperty("responses").EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
            {
                var content = response.Value.GetProperty("content").EnumerateObject().ToList();
                Assert.True(content is [{ Name: "application/json" }], $"{name} {response.Name} is not only JSON");
                Assert.Equal("#/components/schemas/ApiError", content[0].Value.GetProperty("schema").GetProperty("$ref").GetString());
            }
        }
    }

    [Fact]
    public void Security_follows_each_endpoints_authorization()
    {
        // A webhook delivery proves the project's webhook secret, not a user's credential.
        string[] anonymous = ["POST /api/auth/login", "POST /api/auth/logout", "GET /api/models", "GET /api/vocabulary", "GET /login",
            "POST /api/hooks/{webhookId}"];
        foreach (var (name, operation) in Operations())
        {
            var responses = operation.GetProperty("responses");
            if (anonymous.Contains(name))
            {
                Assert.False(operation.TryGetProperty("security", out _), $"{name} is anonymous but lists security");
                continue;
            }
            var schemes = operation.GetProperty("security").EnumerateArray()
                .SelectMany(requirement => requirement.EnumerateObject().Select(scheme => scheme.Name)).Order();
            Assert.Equal(["bearer", "session"], schemes);
            Assert.True(responses.TryGetProperty("401", out _), $"{name} needs authentication but declares no 401");
        }

        // Admin-only and writer-only endpoints can answer 403; reading your own projects cannot be forbidden.
        Assert.True(Operation("GET /api/admin/users").GetProperty("responses").TryGetProperty("403", out _));
        Assert.True(Operation("POST /api/generate").GetProperty("responses").TryGetProperty("403", out _));
        Assert.False(Operation("GET /api/projects").GetProperty("responses").TryGetProperty("403", out _));
        var declared = _document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("bearer", declared.GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.Equal("docsfy_session", declared.GetProperty("session").GetProperty("name").GetString());
        Assert.Equal("cookie", declared.GetProperty("session").GetProperty("in").GetString());
    }

    [Fact]
    public void Bodies_read_by_hand_are_declared_with_snake_case_names()
    {
        var body = Operation("POST /api/generate").GetProperty("requestBody");
        Assert.True(body.GetProperty("required").GetBoolean());
        var schema = body.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString();
        Assert.Equal("#/components/schemas/GenerateRequest", schema);
        var properties = _document.GetProperty("components").GetProperty("schemas").GetProperty("GenerateRequest")
            .GetProperty("properties").EnumerateObject().Select(p => p.Name).Order();
        Assert.Equal(["ai_cli_timeout", "ai_model", "ai_provider", "branch", "force", "repo_path", "repo_type", "repo_url"], properties);
        Assert.False(Operation("POST /api/auth/rotate-key").GetProperty("requestBody").TryGetProperty("required", out var required)
            && required.GetBoolean(), "rotate-key's body is optional");
    }

    [Fact]
    public async Task The_document_is_served_without_authentication()
    {
        using var client = _api.CreateClient();
        var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("Development", HttpStatusCode.OK)]
    [InlineData("Production", HttpStatusCode.NotFound)]
    public async Task The_reference_page_is_served_in_development_only(string environment, HttpStatusCode expected)
    {
        await using var api = new UnstartedApi(environment);
        using var client = api.CreateClient();
        using var page = await client.GetAsync($"{OpenApiExtensions.ReferencePath}/{OpenApiExtensions.DocumentName}");
        Assert.Equal(expected, page.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            // Scalar resolves the document's address against the application's base path.
            Assert.Contains("\"url\":\"openapi/v1.json\"", await page.Content.ReadAsStringAsync());
        }
        using var document = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
    }

    private IEnumerable<(string Name, JsonElement Operation)> Operations() =>
        _document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(operation => operation.Name != "parameters")
            .Select(operation => ($"{operation.Name.ToUpperInvariant()} {path.Name}", operation.Value)));

    private JsonElement Operation(string name) => Operations().Single(operation => operation.Name == name).Operation;

    /// <summary>A route pattern as OpenAPI writes it: no trailing slash, no catch-all or optional marks, no constraints.</summary>
    private static string DocumentPath(string pattern)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{\*{1,2}([^}:?=]+)[^}]*\}|\{([^}:?=]+)[^}]*\}",
            match => $"{{{(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value)}}}");
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }
}

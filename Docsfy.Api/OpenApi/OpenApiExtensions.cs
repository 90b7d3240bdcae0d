using Scalar.AspNetCore;

namespace Docsfy.Api.OpenApi;

public static class OpenApiExtensions
{
    /// <summary>The one document this API publishes, and the path it is served at.</summary>
    public const string DocumentName = "v1";

    public const string DocumentPath = "/openapi/{documentName}.json";

    /// <summary>The interactive reference page (Scalar), served in the development environment only.</summary>
    public const string ReferencePath = "/scalar";

    /// <summary>
    /// The OpenAPI 3.1 document of every endpoint, built by ASP.NET Core from the endpoints' own metadata (typed results,
    /// declared bodies and error statuses) and completed by the transformers: what the document says of authentication,
    /// the error shape, the WebSocket, and examples.
    /// </summary>
    public static IHostApplicationBuilder AddDocsfyOpenApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer<DocumentDescriptionTransformer>();
            options.AddOperationTransformer<AuthorizationOperationTransformer>();
            options.AddSchemaTransformer<SchemaExampleTransformer>();
        });
        return builder;
    }

    /// <summary>
    /// <c>GET /openapi/v1.json</c> for everyone, and the Scalar page at <c>/scalar</c> in development. The document is
    /// public: it is the contract a client is written against before it has a key, and it holds nothing the source
    /// repository does not (no data, no configuration, no key).
    /// </summary>
    public static WebApplication MapDocsfyOpenApi(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath).AllowAnonymous();
        if (app.Environment.IsDevelopment())
        {
            // Everything the page needs is served from this API: no fonts, telemetry or AI agent from scalar.com.
            app.MapScalarApiReference(ReferencePath, options => options
                .WithTitle("Docsfy API reference")
                .WithOpenApiRoutePattern(DocumentPath)
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .AddPreferredSecuritySchemes(DocumentDescriptionTransformer.BearerScheme))
                .AllowAnonymous();
        }
        return app;
    }
}

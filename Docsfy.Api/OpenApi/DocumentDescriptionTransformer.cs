using Docsfy.Api.Auth;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Docsfy.Api.OpenApi;

/// <summary>
/// The document's title and introduction (authentication, the error shape, the WebSocket, which no OpenAPI operation
/// can describe) and its two security schemes. Which operation needs which scheme is
/// <see cref="AuthorizationOperationTransformer"/>'s business.
/// </summary>
internal sealed class DocumentDescriptionTransformer : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "bearer";

    public const string SessionScheme = "session";

    private const string Introduction = """
        Docsfy turns git repositories into documentation websites with AI. This is its REST API; the web dashboard uses
        nothing else.

        **Authentication.** Send `Authorization: Bearer <API key>` (a user's key or the admin key), or the `docsfy_session`
        cookie that `POST /api/auth/login` sets. A request without either gets 401; a role that may not do something gets
        403. Variants the caller may not see answer 404, exactly like variants that do not exist.

        **Errors.** Every error, whatever its status, has one JSON shape: `{"detail": "..."}`, plus `"field"` when one field
        of the request body is at fault. Request bodies are read strictly: `application/json` only (else 415), at most
        64 KiB (else 413), well-formed (else 400), and of the right shape (else 422: a missing, unknown, repeated, null or
        wrongly typed field).

        **JSON.** Property names are snake_case; timestamps are UTC, written `YYYY-MM-DD HH:MM:SS`.

        **Live updates: `GET /api/ws`.** One WebSocket per browser tab; it is not an OpenAPI operation, so it is described
        here. It authenticates with the `docsfy_session` cookie or with `?token=<API key or admin key>` (it does not read
        `Authorization`; a token in a URL can end up in logs, so prefer the cookie). The server sends `sync` (everything
        the user may see: the body of `GET /api/projects` with `"type": "sync"`), `progress` and `status_change` for
        runs, and `ping` every 30 seconds, which the client answers with `{"type": "pong"}`; after 2 missed pongs the
        server closes with 1001, and a failed authentication closes with 1008. Every frame, field and close code is
        specified in `docs/websocket-reference.txt` in the Docsfy repository.
        """;

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context,
        CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Docsfy API",
            Version = "v1",
            Description = Introduction,
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A user's API key or the admin key: `Authorization: Bearer <key>`.",
        };
        document.Components.SecuritySchemes[SessionScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = SessionCookie.Name,
            Description = "The session cookie set by `POST /api/auth/login` (HttpOnly, SameSite=Strict).",
        };
        return Task.CompletedTask;
    }
}

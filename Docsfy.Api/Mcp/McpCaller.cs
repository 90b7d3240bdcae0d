using Docsfy.Api.Auth;

namespace Docsfy.Api.Mcp;

/// <summary>
/// Who is calling a tool: the user whose API key authenticated this HTTP request. The server is stateless, so every
/// call is its own request, authenticated again with the role read from the database at that moment: a revoked grant,
/// a changed role or a deleted user takes effect on the next call.
/// </summary>
public sealed class McpCaller(IHttpContextAccessor http)
{
    public Caller Current => Caller.FromPrincipal(http.HttpContext?.User
        ?? throw new InvalidOperationException("An MCP tool was called outside an HTTP request."));
}

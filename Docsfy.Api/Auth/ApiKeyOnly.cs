namespace Docsfy.Api.Auth;

/// <summary>
/// Endpoint metadata: this endpoint authenticates with <c>Authorization: Bearer &lt;API key&gt;</c> only, never with a
/// browser's session cookie. Used for <c>/mcp</c>, which programs (agents) call with their user's key: a cookie there
/// would let a page the user has open act as the user's agent.
/// </summary>
public sealed class ApiKeyOnly
{
    public static ApiKeyOnly Instance { get; } = new();

    private ApiKeyOnly()
    {
    }
}

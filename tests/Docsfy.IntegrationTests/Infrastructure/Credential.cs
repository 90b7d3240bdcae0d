using System.Net.Http.Headers;

namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>What a test request authenticates with.</summary>
public abstract record Credential
{
    public abstract void Apply(HttpRequestMessage request);

    public static Credential Bearer(string key) => new BearerKey(key);

    public static Credential Session(string token) => new SessionCookie(token);

    /// <summary>The session cookie as a browser sends it from a page of <paramref name="origin"/>.</summary>
    public static Credential SessionFromPage(string token, string origin) => new SessionCookieFromPage(token, origin);

    private sealed record BearerKey(string Key) : Credential
    {
        public override void Apply(HttpRequestMessage request) =>
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
    }

    private sealed record SessionCookie(string Token) : Credential
    {
        public override void Apply(HttpRequestMessage request) => request.Headers.Add("Cookie", $"docsfy_session={Token}");
    }

    private sealed record SessionCookieFromPage(string Token, string Origin) : Credential
    {
        public override void Apply(HttpRequestMessage request)
        {
            request.Headers.Add("Cookie", $"docsfy_session={Token}");
            request.Headers.Add("Origin", Origin);
        }
    }
}

using System.Net.Http.Headers;

namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>What a test request authenticates with.</summary>
public abstract record Credential
{
    public abstract void Apply(HttpRequestMessage request);

    public static Credential Bearer(string key) => new BearerKey(key);

    public static Credential Session(string token) => new SessionCookie(token);

    private sealed record BearerKey(string Key) : Credential
    {
        public override void Apply(HttpRequestMessage request) =>
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
    }

    private sealed record SessionCookie(string Token) : Credential
    {
        public override void Apply(HttpRequestMessage request) => request.Headers.Add("Cookie", $"docsfy_session={Token}");
    }
}

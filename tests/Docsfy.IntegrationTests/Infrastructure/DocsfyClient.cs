using System.Net;
using System.Text;
using System.Text.Json;

namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>Raw HTTP against the API with an explicit credential per request (no cookie jar shared between users).</summary>
/// <param name="address">The client address this client's requests claim (<see cref="ClientAddresses"/>).</param>
public sealed class DocsfyClient(HttpClient http, string address) : IDisposable
{
    /// <summary>The address the API sees for this client's requests.</summary>
    public string Address => address;

    public async Task<Reply> SendAsync(HttpMethod method, string path, Credential? credential = null, object? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        credential?.Apply(request);
        if (json is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(json), Encoding.UTF8, "application/json");
        }
        return await SendAsync(request);
    }

    /// <summary>Sends a body exactly as given, for malformed-input tests.</summary>
    public async Task<Reply> SendRawAsync(HttpMethod method, string path, Credential? credential, string body,
        string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        credential?.Apply(request);
        request.Content = new StringContent(body, Encoding.UTF8);
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        return await SendAsync(request);
    }

    public Task<Reply> GetAsync(string path, Credential? credential = null) => SendAsync(HttpMethod.Get, path, credential);

    public Task<Reply> PostAsync(string path, Credential? credential, object? json = null) =>
        SendAsync(HttpMethod.Post, path, credential, json);

    /// <summary>Logs in and returns the session token from the <c>docsfy_session</c> cookie.</summary>
    public async Task<string> LoginAsync(string username, string apiKey)
    {
        var reply = await PostAsync("/api/auth/login", null, new { username, api_key = apiKey });
        reply.AssertStatus(HttpStatusCode.OK);
        return reply.SessionCookie ?? throw new Xunit.Sdk.XunitException("Login set no docsfy_session cookie.");
    }

    /// <summary>Sends a request the test built itself (extra headers such as Accept or If-None-Match).</summary>
    public async Task<Reply> SendAsync(HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var body = Encoding.UTF8.GetString(bytes);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new Reply(response.StatusCode, body, cookies, headers, bytes);
    }

    public void Dispose() => http.Dispose();
}

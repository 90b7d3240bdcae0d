using System.Net;
using System.Text.Json;

namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>A buffered HTTP response with helpers for the API's JSON and its session cookie.</summary>
/// <param name="Bytes">The body as received, for binary responses such as downloads.</param>
public sealed record Reply(HttpStatusCode Status, string Body, IReadOnlyList<string> SetCookies, IReadOnlyDictionary<string, string> Headers,
    byte[] Bytes)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string Detail => Json.GetProperty("detail").GetString()!;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The value the response set for <c>docsfy_session</c>, if any.</summary>
    public string? SessionCookie => SetCookies
        .Select(c => c.Split(';')[0])
        .Where(c => c.StartsWith("docsfy_session=", StringComparison.Ordinal))
        .Select(c => c["docsfy_session=".Length..])
        .FirstOrDefault();

    public Reply AssertStatus(HttpStatusCode expected)
    {
        if (Status != expected)
        {
            throw new Xunit.Sdk.XunitException($"Expected {(int)expected} {expected}, got {(int)Status} {Status}: {Body}");
        }
        return this;
    }

    /// <summary>Asserts a 4xx in the API's error shape: a JSON object with a non-empty <c>detail</c> string.</summary>
    public Reply AssertError(HttpStatusCode expected)
    {
        AssertStatus(expected);
        Assert.False(string.IsNullOrWhiteSpace(Detail), $"Empty detail in {Body}");
        return this;
    }

    public string String(string property) => Json.GetProperty(property).GetString()!;
}

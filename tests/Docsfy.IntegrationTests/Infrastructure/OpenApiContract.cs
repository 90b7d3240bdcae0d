using System.Net;
using System.Text.Json;

namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>An API's OpenAPI document, asked what it promises for one operation and status, and held to it.</summary>
public sealed class OpenApiContract(JsonElement document)
{
    private readonly SchemaCheck _check = new(document);

    public JsonElement Document => document;

    public static async Task<OpenApiContract> FetchAsync(DocsfyClient client)
    {
        var reply = (await client.GetAsync("/openapi/v1.json")).AssertStatus(HttpStatusCode.OK);
        return new OpenApiContract(reply.Json.Clone());
    }

    /// <summary>The JSON schema the document declares for <paramref name="status"/> of the operation.</summary>
    public JsonElement ResponseSchema(string method, string pathTemplate, HttpStatusCode status)
    {
        var where = $"{method.ToUpperInvariant()} {pathTemplate} {(int)status}";
        if (!document.GetProperty("paths").TryGetProperty(pathTemplate, out var path)
            || !path.TryGetProperty(method.ToLowerInvariant(), out var operation))
        {
            throw new Xunit.Sdk.XunitException($"The document has no operation {where}.");
        }
        if (!operation.GetProperty("responses").TryGetProperty(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), out var response)
            || !response.TryGetProperty("content", out var content)
            || !content.TryGetProperty("application/json", out var json))
        {
            throw new Xunit.Sdk.XunitException($"The document declares no JSON body for {where}.");
        }
        return json.GetProperty("schema");
    }

    /// <summary>
    /// Asserts that <paramref name="reply"/> is a JSON body that fits what the document declares for its status at the
    /// operation <paramref name="method"/> <paramref name="pathTemplate"/>.
    /// </summary>
    public void AssertMatches(Reply reply, string method, string pathTemplate)
    {
        var schema = ResponseSchema(method, pathTemplate, reply.Status);
        Assert.StartsWith("application/json", reply.Header("Content-Type") ?? "", StringComparison.OrdinalIgnoreCase);
        var errors = _check.Errors(schema, reply.Json);
        Assert.True(errors.Count == 0,
            $"{method} {pathTemplate} {(int)reply.Status} does not match the document:\n{string.Join('\n', errors)}\n{reply.Body}");
    }
}

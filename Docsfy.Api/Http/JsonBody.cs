using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Docsfy.Api.Http;

/// <summary>
/// Reads a request body strictly: JSON media type, bounded size, well-formed JSON (else 400), an object whose fields have
/// the right types, with every required field present and no unknown or repeated field (else 422).
/// </summary>
public sealed class JsonBody(IOptions<JsonOptions> jsonOptions)
{
    public const int MaxBytes = 64 * 1024;

    private readonly JsonSerializerOptions _strict = new(jsonOptions.Value.SerializerOptions)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowDuplicateProperties = false,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
    };

    /// <summary>Reads <typeparamref name="T"/>, or an error result when the body is not acceptable.</summary>
    public async Task<BodyResult<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return ApiError.Status(StatusCodes.Status415UnsupportedMediaType, "Send the body as application/json.");
        }

        var bytes = await BoundedBody.ReadAsync(request, MaxBytes, cancellationToken);
        if (bytes is null)
        {
            return ApiError.Status(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {MaxBytes} bytes.");
        }

        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 16 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return ApiError.Unprocessable("The body must be a JSON object.");
            }
        }
        catch (JsonException)
        {
            return ApiError.BadRequest("The body is not valid JSON.");
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(bytes, _strict);
            return value is null ? ApiError.Unprocessable("The body must be a JSON object.") : new BodyResult<T>(value);
        }
        catch (JsonException exception)
        {
            return ApiError.Unprocessable(Describe(exception));
        }
    }

    /// <summary>
    /// Names the offending field without echoing its value (a misplaced key must not come back in an error or a log).
    /// </summary>
    private static string Describe(JsonException exception)
    {
        var message = exception.Message;
        var path = string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? null : exception.Path[2..];
        if (message.Contains("missing required properties", StringComparison.OrdinalIgnoreCase))
        {
            var start = message.IndexOf("including: ", StringComparison.Ordinal);
            var names = start < 0 ? "" : message[(start + "including: ".Length)..].TrimEnd('.');
            return $"Missing required field(s): {names}.";
        }
        if (message.Contains("could not be mapped", StringComparison.OrdinalIgnoreCase))
        {
            return $"Unknown field '{path}'.";
        }
        if (message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
        {
            return $"Field '{path}' appears more than once.";
        }
        if (message.Contains("null", StringComparison.OrdinalIgnoreCase))
        {
            return $"Field '{path}' must not be null.";
        }
        return path is null ? "The body does not match the expected shape." : $"Field '{path}' has the wrong type.";
    }
}

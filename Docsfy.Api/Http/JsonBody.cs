using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Docsfy.Api.Http;

/// <summary>
/// Reads a request body strictly: JSON media type, bounded size, well-formed JSON (else 400), an object whose fields have
/// the right types, with every required field present and no unknown, repeated or forbidden-null field (else 422). The
/// rules are System.Text.Json's own (<see cref="JsonSerializerOptions"/> below); <see cref="JsonBodyErrors"/> says which
/// one a body broke.
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

        var bytes = await ReadBoundedAsync(request, cancellationToken);
        if (bytes is null)
        {
            return ApiError.Status(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {MaxBytes} bytes.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException)
        {
            return ApiError.BadRequest("The body is not valid JSON.");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return ApiError.Unprocessable("The body must be a JSON object.");
            }
            try
            {
                var value = JsonSerializer.Deserialize<T>(bytes, _strict);
                return value is null ? ApiError.Unprocessable("The body must be a JSON object.") : new BodyResult<T>(value);
            }
            catch (JsonException exception)
            {
                // The serializer enforces the rules; the explanation comes from where it stopped, the body and the
                // contract, never from the wording of its message.
                return JsonBodyErrors.Explain(exception, document.RootElement, _strict.GetTypeInfo(typeof(T)));
            }
        }
    }

    private static async Task<byte[]?> ReadBoundedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}

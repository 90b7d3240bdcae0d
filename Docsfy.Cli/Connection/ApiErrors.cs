using System.Net;
using System.Text.Json;

namespace Docsfy.Cli.Connection;

/// <summary>The API's one error shape, <c>{"detail": "..."}</c>, shown verbatim; anything else gets a plain description.</summary>
public static class ApiErrors
{
    /// <summary>More than any real error body; a server sending more is not read further.</summary>
    public const int MaxErrorBodyBytes = 64 * 1024;

    public static async Task<CliFailure> FromResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        if ((int)status is >= 300 and < 400)
        {
            var location = response.Headers.Location is { } target ? $" to {target.GetLeftPart(UriPartial.Path)}" : "";
            return new CliFailure(ExitCodes.Unreachable, $"The server redirected{location}; log in with the address it names.");
        }
        var detail = Detail(await ReadBoundedAsync(response, cancellationToken));
        var message = detail ?? $"The server answered {(int)status} {response.ReasonPhrase}.";
        if (status == HttpStatusCode.TooManyRequests && response.Headers.RetryAfter?.Delta is { } wait)
        {
            message += $" (retry after {wait.TotalSeconds:0} s)";
        }
        return new CliFailure(HttpStatusExitCodes.For(status), message, status);
    }

    public static string? Detail(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                   && document.RootElement.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String
                ? detail.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<byte[]> ReadBoundedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxErrorBodyBytes];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
        }
        return buffer[..total];
    }
}

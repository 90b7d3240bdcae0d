namespace Docsfy.Api.Http;

/// <summary>Reads a request body into memory only up to a limit, so an oversized body costs at most the limit.</summary>
public static class BoundedBody
{
    /// <summary>The whole body, or null when it is larger than <paramref name="limit"/> (as declared or as it arrives).</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}

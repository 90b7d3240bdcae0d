using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Docsfy.Api.Docs;

/// <summary>Strong ETags from a file's sha256, and the validators a client sent in <c>If-None-Match</c>.</summary>
public static class ETags
{
    /// <summary><c>"&lt;sha256 hex&gt;"</c>, or null when the stored digest is not hex (it is never echoed unchecked into a header).</summary>
    public static string? For(string sha256) =>
        sha256.Length is > 0 and <= 128 && sha256.All(char.IsAsciiHexDigit) ? $"\"{sha256.ToLowerInvariant()}\"" : null;

    /// <summary>
    /// The hex digests named in <c>If-None-Match</c> (weak comparison, as RFC 9110 prescribes for it), and whether it was
    /// <c>*</c>. A malformed header is ignored: the client simply gets the full file.
    /// </summary>
    public static (bool Any, IReadOnlyCollection<string> Digests) ParseIfNoneMatch(StringValues header)
    {
        if (header.Count == 0 || !EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return (false, []);
        }
        var digests = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            if (tag.Equals(EntityTagHeaderValue.Any))
            {
                return (true, []);
            }
            var value = tag.Tag.Value?.Trim('"') ?? "";
            if (value.Length > 0 && value.All(char.IsAsciiHexDigit))
            {
                digests.Add(value.ToLowerInvariant());
            }
        }
        return (false, digests);
    }
}

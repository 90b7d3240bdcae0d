using System.Diagnostics;

namespace Microsoft.Extensions.Hosting;

/// <summary>Keeps credentials that clients put in URLs (<c>/api/ws?token=</c>) out of traces.</summary>
public static class TelemetryRedaction
{
    private static readonly string[] UrlTags = ["url.query", "url.full", "http.url", "http.target"];

    /// <summary>Drops the query string from every URL tag of a server span.</summary>
    public static void RedactQuery(Activity activity)
    {
        foreach (var tag in UrlTags)
        {
            if (activity.GetTagItem(tag) is string value)
            {
                activity.SetTag(tag, tag == "url.query" ? null : StripQuery(value));
            }
        }
    }

    /// <summary>Returns <paramref name="url"/> without its query string.</summary>
    public static string StripQuery(string url)
    {
        var queryStart = url.IndexOf('?', StringComparison.Ordinal);
        return queryStart < 0 ? url : url[..queryStart];
    }
}

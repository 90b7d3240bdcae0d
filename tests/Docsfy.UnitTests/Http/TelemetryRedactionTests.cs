using System.Diagnostics;
using Microsoft.Extensions.Hosting;

namespace Docsfy.UnitTests.Http;

public sealed class TelemetryRedactionTests
{
    [Fact]
    public void Strips_tokens_from_every_url_tag_of_a_span()
    {
        using var activity = new Activity("request");
        activity.SetTag("url.full", "http://localhost:8000/api/ws?token=docsfy_secret");
        activity.SetTag("url.query", "?token=docsfy_secret");
        activity.SetTag("http.target", "/api/ws?token=docsfy_secret");

        TelemetryRedaction.RedactQuery(activity);

        Assert.Equal("http://localhost:8000/api/ws", activity.GetTagItem("url.full"));
        Assert.Equal("/api/ws", activity.GetTagItem("http.target"));
        Assert.Null(activity.GetTagItem("url.query"));
        Assert.DoesNotContain(activity.TagObjects, tag => tag.Value?.ToString()?.Contains("secret") == true);
    }

    [Fact]
    public void Leaves_urls_without_a_query_alone() =>
        Assert.Equal("/api/projects", TelemetryRedaction.StripQuery("/api/projects"));
}

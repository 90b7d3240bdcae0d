using Docsfy.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Docsfy.UnitTests.Http;

public sealed class RequestLimitsTests
{
    [Fact]
    public void An_ordinary_request_passes() => Assert.Null(RequestLimits.Problem(Context("/api/projects")));

    [Fact]
    public void Headers_over_the_total_are_431()
    {
        var context = Context("/api/projects");
        context.Request.Headers["X-Padding"] = new string('a', RequestLimits.MaxHeadersBytes);
        Assert.Equal(StatusCodes.Status431RequestHeaderFieldsTooLarge, RequestLimits.Problem(context)?.Status);
    }

    [Fact]
    public void Too_many_headers_are_431()
    {
        var context = Context("/api/projects");
        for (var i = 0; i <= RequestLimits.MaxHeaderCount; i++)
        {
            context.Request.Headers[$"X-H{i}"] = "x";
        }
        Assert.Equal(StatusCodes.Status431RequestHeaderFieldsTooLarge, RequestLimits.Problem(context)?.Status);
    }

    [Fact]
    public void A_target_over_the_limit_is_414() =>
        Assert.Equal(StatusCodes.Status414UriTooLong,
            RequestLimits.Problem(Context("/api/projects?x=" + new string('a', RequestLimits.MaxTargetLength)))?.Status);

    private static DefaultHttpContext Context(string rawTarget)
    {
        var context = new DefaultHttpContext();
        context.Features.Get<IHttpRequestFeature>()!.RawTarget = rawTarget;
        return context;
    }
}

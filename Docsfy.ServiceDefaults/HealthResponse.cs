using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The body of <c>/health</c>: the status word, and for a degraded service the reasons its own checks give (written
/// for operators, e.g. "No worker is alive"). A failing check's text is never shown: it may carry connection details.
/// </summary>
internal static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var reasons = report.Status == HealthStatus.Degraded
            ? report.Entries.Values.Where(entry => entry.Status == HealthStatus.Degraded && entry.Exception is null)
                .Select(entry => entry.Description).OfType<string>().ToList()
            : [];
        return context.Response.WriteAsync(reasons.Count == 0
            ? report.Status.ToString()
            : $"{report.Status}: {string.Join(" ", reasons)}");
    }
}

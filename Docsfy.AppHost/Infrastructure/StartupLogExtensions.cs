using Aspire.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Docsfy.AppHost.Infrastructure;

/// <summary>Messages decided while the model is built, written once the app host's logging is up.</summary>
public static class StartupLogExtensions
{
    /// <summary>
    /// Logs <paramref name="message"/> under the <c>Docsfy.AppHost</c> category when the app host starts, so it appears
    /// in the console alongside Aspire's own start-up lines (and in test logs), not on raw stdout before them.
    /// </summary>
    public static IDistributedApplicationBuilder LogOnStart(this IDistributedApplicationBuilder builder, LogLevel level, string message, params object?[] args)
    {
        builder.OnBeforeStart((e, _) =>
        {
            var logger = e.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Docsfy.AppHost");
#pragma warning disable CA2254 // The template is a constant chosen by the caller; this is a pass-through.
            logger.Log(level, message, args);
#pragma warning restore CA2254
            return Task.CompletedTask;
        });
        return builder;
    }
}

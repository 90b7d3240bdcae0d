using Microsoft.Extensions.Options;

namespace Docsfy.Api.Auth;

/// <summary>
/// Deletes expired sessions on a timer while the API runs (not only at start-up), so the table does not grow with every
/// login. Harmless when several replicas do it at once.
/// </summary>
public sealed class SessionPurgeService(SessionStore sessions, IOptions<AuthOptions> options, ILogger<SessionPurgeService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SessionPurgeInterval);
        do
        {
            try
            {
                var purged = await sessions.PurgeExpiredAsync(stoppingToken);
                if (purged > 0)
                {
                    logger.LogInformation("Purged {Count} expired sessions", purged);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Purging expired sessions failed; will retry");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

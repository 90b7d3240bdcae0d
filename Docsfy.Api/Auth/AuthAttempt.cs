namespace Docsfy.Api.Auth;

/// <summary>
/// The outcome of <see cref="LoginThrottle.BeginAsync"/>: either a wait (the caller is over a limit) or the audit row
/// that already records this attempt as a failure.
/// </summary>
public sealed record AuthAttempt(long? AuditId, TimeSpan? RetryAfter)
{
    public static AuthAttempt Allowed(long auditId) => new(auditId, null);

    public static AuthAttempt Throttled(TimeSpan wait) => new(null, wait);

    /// <summary>Whole seconds for <c>Retry-After</c> and messages, never zero.</summary>
    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}

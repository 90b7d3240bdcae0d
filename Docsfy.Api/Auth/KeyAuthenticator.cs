namespace Docsfy.Api.Auth;

/// <summary>
/// Authenticates an API key (or the admin key) presented outside the login form, as <c>Authorization: Bearer</c> on
/// REST and <c>/docs</c> or as <c>?token=</c> on <c>/api/ws</c>, under the login's rules: every wrong key is audited
/// and counts toward the address's limit, and an address over the limit is refused even with a right key, or the
/// difference between 429 and 200 would tell a guesser when it had found one. A right key costs one indexed read.
/// </summary>
public sealed class KeyAuthenticator(CallerResolver callers, LoginThrottle throttle, AuthAudit audit)
{
    /// <param name="channel">How the key came, for the log: <c>bearer</c> or <c>token</c>.</param>
    public async Task<KeyAuthentication> AuthenticateAsync(string apiKey, string remoteAddress, string channel,
        CancellationToken cancellationToken)
    {
        if (await callers.FromApiKeyAsync(apiKey, cancellationToken) is { } caller)
        {
            return await throttle.RetryAfterAsync(remoteAddress, null, cancellationToken) is { } wait
                ? Throttled(remoteAddress, wait)
                : new KeyAuthentication(caller, null);
        }

        var attempt = await throttle.BeginAsync(remoteAddress, null, AuthAudit.KeyFailed, cancellationToken);
        if (attempt.RetryAfter is { } limited)
        {
            return Throttled(remoteAddress, limited);
        }
        audit.KeyFailure(channel, remoteAddress);
        return new KeyAuthentication(null, null);
    }

    private KeyAuthentication Throttled(string remoteAddress, TimeSpan wait)
    {
        audit.Throttled("key authentication", remoteAddress, wait);
        return new KeyAuthentication(null, wait);
    }
}

/// <summary>Who the key belongs to, or null; and when the address is over its limit, how long it must wait.</summary>
public sealed record KeyAuthentication(Caller? Caller, TimeSpan? RetryAfter);

using Npgsql;

namespace Docsfy.Api.Auth;

/// <summary>
/// The durable trail of authentication attempts (also what <see cref="LoginThrottle"/> counts). Every attempt is
/// written as a failure before the credential is checked (<see cref="LoginThrottle.BeginAsync"/>) and turned into a
/// success here when it proves right. A username is recorded only when it is well-formed: whatever else was typed into
/// that field may be a secret; a presented key is never recorded or logged.
/// </summary>
public sealed class AuthAudit(NpgsqlDataSource dataSource, ILogger<AuthAudit> logger)
{
    public const string LoginFailed = "login_failed";
    public const string LoginSucceeded = "login_succeeded";

    /// <summary>An API key presented as <c>Authorization: Bearer</c> or <c>?token=</c> that matched no one.</summary>
    public const string KeyFailed = "key_failed";

    public async Task SucceededAsync(long auditId, string username, string remoteAddress, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "update auth_audit set event = @event, username = @username where id = @id");
        command.Parameters.AddWithValue("event", LoginSucceeded);
        command.Parameters.AddWithValue("username", username);
        command.Parameters.AddWithValue("id", auditId);
        await command.ExecuteNonQueryAsync(cancellationToken);
        logger.LogInformation("Login {AuditEvent} for {Username} from {RemoteAddress}", LoginSucceeded, username, remoteAddress);
    }

    public void LoginFailure(string? username, string remoteAddress) =>
        logger.LogWarning("Failed login for {Username} from {RemoteAddress}", Usernames.ForLog(username), remoteAddress);

    /// <param name="channel">How the key came: <c>bearer</c> or <c>token</c>.</param>
    public void KeyFailure(string channel, string remoteAddress) =>
        logger.LogWarning("Failed key authentication ({Channel}) from {RemoteAddress}", channel, remoteAddress);

    public void Throttled(string kind, string remoteAddress, TimeSpan wait) =>
        logger.LogWarning("Throttled {Kind} from {RemoteAddress} for {RetryAfterSeconds} s", kind, remoteAddress,
            AuthAttempt.Seconds(wait));
}

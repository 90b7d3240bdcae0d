using Npgsql;

namespace Docsfy.Api.Auth;

/// <summary>
/// The durable trail of login attempts (also what <see cref="LoginThrottle"/> counts). A username is recorded only when it
/// is well-formed: whatever else was typed into that field may be a secret.
/// </summary>
public sealed class AuthAudit(NpgsqlDataSource dataSource, ILogger<AuthAudit> logger)
{
    public const string LoginFailed = "login_failed";
    public const string LoginSucceeded = "login_succeeded";

    public async Task RecordAsync(string auditEvent, string? username, string remoteAddress, CancellationToken cancellationToken)
    {
        var safeName = Usernames.IsValid(username) ? username : null;
        await using var command = dataSource.CreateCommand(
            "insert into auth_audit (event, username, remote_address) values (@event, @username, @address)");
        command.Parameters.AddWithValue("event", auditEvent);
        command.Parameters.AddWithValue("username", safeName is null ? DBNull.Value : safeName);
        command.Parameters.AddWithValue("address", remoteAddress);
        await command.ExecuteNonQueryAsync(cancellationToken);

        if (auditEvent == LoginFailed)
        {
            logger.LogWarning("Failed login for {Username} from {RemoteAddress}", Usernames.ForLog(username), remoteAddress);
        }
        else
        {
            logger.LogInformation("Login {AuditEvent} for {Username} from {RemoteAddress}", auditEvent, safeName, remoteAddress);
        }
    }
}

using Microsoft.Extensions.Options;
using Npgsql;

namespace Docsfy.Api.Auth;

/// <summary>
/// Limits failed authentications (logins, and API keys presented as Bearer or <c>?token=</c>) per (address, username)
/// and per address over a sliding window, counted from the audit table so that every API replica enforces the same
/// limit. The per-username limit is scoped to the address so that an attacker cannot lock a user out from everywhere.
/// </summary>
public sealed class LoginThrottle(NpgsqlDataSource dataSource, IOptions<AuthOptions> options, TimeProvider time)
{
    // Names "the throttle of one address" among advisory locks; the address's hash is the second key. Two-key locks never
    // conflict with the migrator's one-key lock.
    private const int AdvisoryLockNamespace = 0x646f6373;

    private const string FailuresSql = $"""
        select occurred_at, lower(coalesce(username, '')) = lower(@username)
        from auth_audit
        where event in ('{AuthAudit.LoginFailed}', '{AuthAudit.KeyFailed}') and remote_address = @address and occurred_at > @since
        order by occurred_at desc
        limit @cap
        """;

    /// <summary>
    /// Checks the limits and, when the caller may try, records the attempt as a failure, atomically across replicas: a
    /// per-address advisory lock makes parallel attempts take turns, so each sees the ones before it. The caller turns the
    /// recorded failure into a success with <see cref="AuthAudit.SucceededAsync"/> when the credential proves right.
    /// </summary>
    public async Task<AuthAttempt> BeginAsync(string remoteAddress, string? username, string failureEvent,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("select pg_advisory_xact_lock(@namespace, hashtext(@address))", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("namespace", AdvisoryLockNamespace);
            lockCommand.Parameters.AddWithValue("address", remoteAddress);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        if (await RetryAfterAsync(connection, transaction, remoteAddress, username, cancellationToken) is { } wait)
        {
            await transaction.CommitAsync(cancellationToken);
            return AuthAttempt.Throttled(wait);
        }

        await using var insert = new NpgsqlCommand(
            "insert into auth_audit (event, username, remote_address) values (@event, @username, @address) returning id",
            connection, transaction);
        insert.Parameters.AddWithValue("event", failureEvent);
        insert.Parameters.AddWithValue("username", Usernames.IsValid(username) ? username! : DBNull.Value);
        insert.Parameters.AddWithValue("address", remoteAddress);
        var id = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        await transaction.CommitAsync(cancellationToken);
        return AuthAttempt.Allowed(id);
    }

    /// <summary>How long the caller must wait before trying again, or null when it may try now. Reads only.</summary>
    public async Task<TimeSpan?> RetryAfterAsync(string remoteAddress, string? username, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await RetryAfterAsync(connection, null, remoteAddress, username, cancellationToken);
    }

    private async Task<TimeSpan?> RetryAfterAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction,
        string remoteAddress, string? username, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        await using var command = new NpgsqlCommand(FailuresSql, connection, transaction);
        var now = time.GetUtcNow();
        command.Parameters.AddWithValue("username", username ?? "");
        command.Parameters.AddWithValue("address", remoteAddress);
        command.Parameters.AddWithValue("since", now - limits.FailedLoginWindow);
        command.Parameters.AddWithValue("cap", limits.MaxFailedLoginsPerAddress);

        var forAddress = new List<DateTimeOffset>();
        var forUsername = new List<DateTimeOffset>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var at = reader.GetFieldValue<DateTimeOffset>(0);
                forAddress.Add(at);
                if (username is not null && reader.GetBoolean(1))
                {
                    forUsername.Add(at);
                }
            }
        }

        return RetryAfter(forUsername, limits.MaxFailedLoginsPerUsername, now, limits.FailedLoginWindow)
            ?? RetryAfter(forAddress, limits.MaxFailedLoginsPerAddress, now, limits.FailedLoginWindow);
    }

    /// <summary>
    /// With failures newest first: once the limit is reached, the caller waits until the oldest failure that counts
    /// toward the limit leaves the window.
    /// </summary>
    internal static TimeSpan? RetryAfter(IReadOnlyList<DateTimeOffset> failuresNewestFirst, int limit, DateTimeOffset now, TimeSpan window)
    {
        if (failuresNewestFirst.Count < limit)
        {
            return null;
        }
        var wait = failuresNewestFirst[limit - 1] + window - now;
        return wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);
    }
}

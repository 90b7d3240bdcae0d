using Microsoft.Extensions.Options;
using Npgsql;

namespace Docsfy.Api.Auth;

/// <summary>
/// Limits failed logins per (address, username) and per address over a sliding window, counted from the audit table so
/// that every API replica enforces the same limit. The per-username limit is scoped to the address so that an attacker
/// cannot lock a user out from everywhere.
/// </summary>
public sealed class LoginThrottle(NpgsqlDataSource dataSource, IOptions<AuthOptions> options, TimeProvider time)
{
    /// <summary>How long the caller must wait before trying again, or null when it may try now.</summary>
    public async Task<TimeSpan?> RetryAfterAsync(string remoteAddress, string? username, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        await using var command = dataSource.CreateCommand("""
            select occurred_at, lower(coalesce(username, '')) = lower(@username)
            from auth_audit
            where event = 'login_failed' and remote_address = @address and occurred_at > @since
            order by occurred_at desc
            limit @cap
            """);
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

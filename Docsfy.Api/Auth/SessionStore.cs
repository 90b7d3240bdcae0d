using Microsoft.Extensions.Options;
using Npgsql;

namespace Docsfy.Api.Auth;

/// <summary>Sessions in PostgreSQL, so that any API replica recognises a cookie another replica issued.</summary>
public sealed class SessionStore(NpgsqlDataSource dataSource, CredentialHasher hasher, IOptions<AuthOptions> options)
{
    /// <summary>Starts a session for <paramref name="caller"/> and returns the token for the cookie.</summary>
    public async Task<string> CreateAsync(Caller caller, CancellationToken cancellationToken)
    {
        var token = SessionTokens.Generate();
        await using var command = dataSource.CreateCommand("""
            insert into sessions (token_hash, user_id, admin_key_fingerprint, expires_at)
            values (@hash, @user_id, @fingerprint, now() + @lifetime)
            """);
        command.Parameters.AddWithValue("hash", hasher.HashSessionToken(token));
        command.Parameters.AddWithValue("user_id", caller.UserId is { } id ? id : DBNull.Value);
        command.Parameters.AddWithValue("fingerprint", caller.IsBuiltInAdmin ? hasher.AdminKeyFingerprint : DBNull.Value);
        command.Parameters.AddWithValue("lifetime", options.Value.SessionLifetime);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return token;
    }

    public async Task DeleteAsync(string token, CancellationToken cancellationToken)
    {
        if (!SessionTokens.IsPlausible(token))
        {
            return;
        }
        await using var command = dataSource.CreateCommand("delete from sessions where token_hash = @hash");
        command.Parameters.AddWithValue("hash", hasher.HashSessionToken(token));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Removes expired sessions; returns how many.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("delete from sessions where expires_at <= now()");
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

using Npgsql;

namespace Docsfy.Api.Auth;

/// <summary>
/// Turns a presented credential (an API key, the admin key, or a session token) into a <see cref="Caller"/>. Every
/// lookup reads the user's current row, so a role change, a rotated key or a deleted user takes effect on the next request.
/// </summary>
public sealed class CallerResolver(NpgsqlDataSource dataSource, CredentialHasher hasher)
{
    public async Task<Caller?> FromApiKeyAsync(string apiKey, CancellationToken cancellationToken)
    {
        if (ApiKeys.IsImplausible(apiKey))
        {
            return null;
        }
        if (hasher.IsAdminKey(apiKey))
        {
            return Caller.BuiltInAdmin;
        }

        await using var command = dataSource.CreateCommand("select id, username, role from users where api_key_hash = @hash");
        command.Parameters.AddWithValue("hash", hasher.HashApiKey(apiKey));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new Caller(reader.GetString(1), reader.GetString(2), reader.GetInt64(0))
            : null;
    }

    public async Task<Caller?> FromSessionAsync(string token, CancellationToken cancellationToken)
    {
        if (!SessionTokens.IsPlausible(token))
        {
            return null;
        }

        await using var command = dataSource.CreateCommand("""
            select s.admin_key_fingerprint, u.id, u.username, u.role
            from sessions s left join users u on u.id = s.user_id
            where s.token_hash = @hash and s.expires_at > now()
            """);
        command.Parameters.AddWithValue("hash", hasher.HashSessionToken(token));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        if (!reader.IsDBNull(0))
        {
            var fingerprint = reader.GetFieldValue<byte[]>(0);
            return CredentialHasher.HashesEqual(fingerprint, hasher.AdminKeyFingerprint) ? Caller.BuiltInAdmin : null;
        }
        return reader.IsDBNull(1) ? null : new Caller(reader.GetString(2), reader.GetString(3), reader.GetInt64(1));
    }
}

using Docsfy.Api.Data;
using Npgsql;

namespace Docsfy.Api.Users;

/// <summary>
/// The users table. Username lookups ignore case (names are unique regardless of case); each change that touches more
/// than one table happens in one transaction, so a failure never leaves half a change behind.
/// </summary>
public sealed class UserStore(NpgsqlDataSource dataSource)
{
    private const string UniqueViolation = "23505";
    private const string UsernameIndex = "users_username_key";

    public async Task<IReadOnlyList<UserRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select id, username, role, created_at from users order by lower(username)");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var users = new List<UserRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            users.Add(Read(reader));
        }
        return users;
    }

    public async Task<UserRecord?> FindAsync(string username, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select id, username, role, created_at from users where lower(username) = lower(@username)");
        command.Parameters.AddWithValue("username", username);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<UserCreation> CreateAsync(string username, string role, byte[] apiKeyHash, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "insert into users (username, role, api_key_hash) values (@username, @role, @hash)");
        command.Parameters.AddWithValue("username", username);
        command.Parameters.AddWithValue("role", role);
        command.Parameters.AddWithValue("hash", apiKeyHash);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
            return UserCreation.Created;
        }
        catch (PostgresException exception) when (exception.SqlState == UniqueViolation)
        {
            return exception.ConstraintName == UsernameIndex ? UserCreation.UsernameTaken : UserCreation.KeyInUse;
        }
    }

    /// <summary>Sets the role; open sessions see it on their next request because sessions read the role from here.</summary>
    public async Task<UserRecord?> SetRoleAsync(string username, string role, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            update users set role = @role, updated_at = now() where lower(username) = lower(@username)
            returning id, username, role, created_at
            """);
        command.Parameters.AddWithValue("username", username);
        command.Parameters.AddWithValue("role", role);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>Replaces the key hash and ends every session of the user.</summary>
    public async Task<KeyReplacement> ReplaceKeyAsync(string username, byte[] apiKeyHash, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var update = new NpgsqlCommand("""
            update users set api_key_hash = @hash, updated_at = now() where lower(username) = lower(@username) returning id
            """, connection, transaction);
        update.Parameters.AddWithValue("username", username);
        update.Parameters.AddWithValue("hash", apiKeyHash);
        long id;
        try
        {
            if (await update.ExecuteScalarAsync(cancellationToken) is not long found)
            {
                return KeyReplacement.UserNotFound;
            }
            id = found;
        }
        catch (PostgresException exception) when (exception.SqlState == UniqueViolation)
        {
            return KeyReplacement.KeyInUse;
        }

        await using var endSessions = new NpgsqlCommand("delete from sessions where user_id = @id", connection, transaction);
        endSessions.Parameters.AddWithValue("id", id);
        await endSessions.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return KeyReplacement.Replaced;
    }

    /// <summary>
    /// Deletes the user with their sessions, their variants and their sites, the grants on their projects and the grants
    /// they held.
    /// Refused while one of their runs is generating: the worker would report into a variant that no longer exists.
    /// </summary>
    public async Task<UserDeletion> DeleteAsync(string username, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await using var find = new NpgsqlCommand(
            "select id, username from users where lower(username) = lower(@username) for update", connection, transaction);
        find.Parameters.AddWithValue("username", username);
        long id;
        string owner;
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return UserDeletion.NotFound;
            }
            (id, owner) = (reader.GetInt64(0), reader.GetString(1));
        }

        await using var generating = new NpgsqlCommand(
            "select exists (select 1 from variants where owner = @owner and status = 'generating')", connection, transaction);
        generating.Parameters.AddWithValue("owner", owner);
        if (await generating.ExecuteScalarAsync(cancellationToken) is true)
        {
            return UserDeletion.RunInProgress;
        }

        var runs = new List<Guid>();
        await using (var runQuery = new NpgsqlCommand("""
            select generation_id from variants where owner = @owner
            union select published_generation_id from variants where owner = @owner and published_generation_id is not null
            """, connection, transaction))
        {
            runQuery.Parameters.AddWithValue("owner", owner);
            await using var reader = await runQuery.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                runs.Add(reader.GetGuid(0));
            }
        }

        await using var delete = new NpgsqlCommand("""
            delete from access_grants where owner = @owner;
            delete from project_refresh where lower(owner) = lower(@owner);
            delete from project_credentials where lower(owner) = lower(@owner);
            delete from variants where owner = @owner;
            delete from users where id = @id;
            """ + RunFiles.DeleteUnreferenced, connection, transaction);
        delete.Parameters.AddWithValue("runs", runs.ToArray());
        delete.Parameters.AddWithValue("owner", owner);
        delete.Parameters.AddWithValue("id", id);
        await delete.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return UserDeletion.Deleted;
    }

    private static UserRecord Read(NpgsqlDataReader reader) =>
        new(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetDateTime(3));
}

using Npgsql;

namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>A user's rows in <c>sessions</c>, read and aged directly, since a test cannot wait eight hours for expiry.</summary>
public static class SessionRows
{
    public static Task<long> CountAsync(DocsfyAppHost host, string username) =>
        VariantRows.CountAsync(host, "select count(*) from sessions s join users u on u.id = s.user_id where u.username = @username",
            ("username", username));

    /// <summary>Moves the expiry of every session of <paramref name="username"/> a minute into the past.</summary>
    public static async Task ExpireAsync(DocsfyAppHost host, string username)
    {
        await using var connection = new NpgsqlConnection(await host.DatabaseConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            update sessions set expires_at = now() - interval '1 minute'
            where user_id = (select id from users where username = @username)
            """, connection);
        command.Parameters.AddWithValue("username", username);
        Assert.True(await command.ExecuteNonQueryAsync() > 0, $"{username} has no session to expire.");
    }
}

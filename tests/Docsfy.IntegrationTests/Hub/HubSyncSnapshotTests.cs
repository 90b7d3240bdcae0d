using Docsfy.IntegrationTests.Infrastructure;
using Npgsql;

namespace Docsfy.IntegrationTests.Hub;

/// <summary>
/// A sync is built once per scope and reused while nothing changed; a change made anywhere (here: by hand, in SQL, with
/// no notice to any replica) must be in the very next sync on every replica.
/// </summary>
[Collection(DocsfyCollection.Name)]
public sealed class HubSyncSnapshotTests(DocsfyAppFixture fixture)
{
    [Fact]
    public async Task Changes_made_straight_in_the_database_are_in_the_next_sync_on_every_replica()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "snap-owner", "user");
        var reader = await Users.CreateAsync(client, "snap-reader", "viewer");
        var name = DocsfyAppFixture.UniqueName("snap");

        // Two syncs of each scope on each replica: the second of each may come from the scope's last build.
        foreach (var key in new[] { DocsfyAppHost.AdminKey, owner.ApiKey, reader.ApiKey })
        {
            for (var i = 0; i < 2; i++)
            {
                foreach (var socket in await HubClient.ConnectOnEveryReplicaAsync(fixture.Host, key))
                {
                    await socket.DisposeAsync();
                }
            }
        }

        var runId = await VariantRows.InsertAsync(fixture.Host, name, owner.Username, status: "ready");
        await AssertNextSyncAsync(DocsfyAppHost.AdminKey, name, "ready");
        await AssertNextSyncAsync(owner.ApiKey, name, "ready");
        await AssertNextSyncAsync(reader.ApiKey, name, null);

        await ExecuteAsync("update variants set status = 'error', error_message = 'by hand' where generation_id = @id", runId);
        await AssertNextSyncAsync(DocsfyAppHost.AdminKey, name, "error");
        await AssertNextSyncAsync(owner.ApiKey, name, "error");

        await ExecuteAsync("""
            insert into access_grants (project_name, owner, grantee_id)
            select @name, @owner, id from users where username = @reader
            """, runId, ("name", name), ("owner", owner.Username), ("reader", reader.Username));
        await AssertNextSyncAsync(reader.ApiKey, name, "error");

        await VariantRows.DeleteAsync(fixture.Host, runId);
        await AssertNextSyncAsync(DocsfyAppHost.AdminKey, name, null);
        await AssertNextSyncAsync(reader.ApiKey, name, null);
    }

    /// <summary>A fresh socket on each replica: its first sync lists the variant with this status, or not at all (null).</summary>
    private async Task AssertNextSyncAsync(string key, string name, string? status)
    {
        var sockets = new List<HubClient>();
        try
        {
            for (var attempt = 0; attempt < 6 * fixture.Host.ApiReplicas && sockets.Select(s => s.Replica).Distinct().Count() < fixture.Host.ApiReplicas; attempt++)
            {
                var socket = await HubClient.ConnectAsync(fixture.Host, token: key);
                sockets.Add(socket);
                var sync = await socket.NextOfTypeAsync("sync");
                var listed = sync.GetProperty("projects").EnumerateArray().Where(p => p.GetProperty("name").GetString() == name).ToList();
                if (status is null)
                {
                    Assert.Empty(listed);
                }
                else
                {
                    Assert.Equal(status, Assert.Single(listed).GetProperty("status").GetString());
                }
            }
            Assert.Equal(fixture.Host.ApiReplicas, sockets.Select(s => s.Replica).Distinct().Count());
        }
        finally
        {
            foreach (var socket in sockets)
            {
                await socket.DisposeAsync();
            }
        }
    }

    private async Task ExecuteAsync(string sql, Guid runId, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(await fixture.Host.DatabaseConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", runId);
        foreach (var (parameterName, value) in parameters)
        {
            command.Parameters.AddWithValue(parameterName, value);
        }
        await command.ExecuteNonQueryAsync();
    }
}

using Docsfy.Contracts;
using Npgsql;

namespace Docsfy.Api.Refresh;

/// <summary>
/// The <c>project_refresh</c> and <c>webhook_deliveries</c> tables. Claims use <c>for update skip locked</c> with a
/// lease, so with any number of replicas each due check is done by one of them, and one that dies mid-check only delays
/// it until the lease runs out.
/// </summary>
public sealed class RefreshStore(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        id, project_name, owner, webhook_id, secret_nonce, secret_rotated_at, interval_minutes, on_push, variants,
        next_check_at, last_checked_at
        """;

    public async Task<RefreshSettings?> FindAsync(string project, string owner, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select {Columns} from project_refresh where project_name = @project and lower(owner) = lower(@owner)");
        command.Parameters.AddWithValue("project", project);
        command.Parameters.AddWithValue("owner", owner);
        return await ReadOneAsync(command, cancellationToken);
    }

    public async Task<RefreshSettings?> FindByWebhookIdAsync(string webhookId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from project_refresh where webhook_id = @webhook_id");
        command.Parameters.AddWithValue("webhook_id", webhookId);
        return await ReadOneAsync(command, cancellationToken);
    }

    /// <summary>
    /// Creates or replaces the project's settings; <c>Created</c> when the row (and so its webhook id and secret) is new.
    /// A schedule comes due one interval from now, unless the interval is unchanged (then its next check stands).
    /// </summary>
    public async Task<(RefreshSettings Settings, bool Created)> SaveAsync(string project, string owner, int? intervalMinutes,
        bool onPush, IReadOnlyList<string>? variants, TimeSpan intervalUnit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            insert into project_refresh (project_name, owner, webhook_id, secret_nonce, interval_minutes, on_push, variants,
                                         next_check_at)
            values (@project, @owner, @webhook_id, @nonce, @interval, @on_push, @variants,
                    now() + @interval * @unit)
            on conflict (project_name, lower(owner)) do update
            set interval_minutes = excluded.interval_minutes, on_push = excluded.on_push, variants = excluded.variants,
                next_check_at = case
                    when project_refresh.interval_minutes is not distinct from excluded.interval_minutes
                         and project_refresh.next_check_at is not null then project_refresh.next_check_at
                    else excluded.next_check_at end,
                updated_at = now()
            returning {Columns}, (xmax = 0)
            """);
        command.Parameters.AddWithValue("project", project);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("webhook_id", WebhookSecrets.NewWebhookId());
        command.Parameters.AddWithValue("nonce", WebhookSecrets.NewNonce());
        command.Parameters.AddWithValue("interval", NpgsqlTypes.NpgsqlDbType.Integer, (object?)intervalMinutes ?? DBNull.Value);
        command.Parameters.AddWithValue("unit", intervalUnit);
        command.Parameters.AddWithValue("on_push", onPush);
        command.Parameters.AddWithValue("variants", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text,
            (object?)variants?.ToArray() ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (Read(reader), reader.GetBoolean(11));
    }

    /// <summary>A new secret for the project (its webhook id stays); null when it has no settings.</summary>
    public async Task<RefreshSettings?> RotateSecretAsync(string project, string owner, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            update project_refresh set secret_nonce = @nonce, secret_rotated_at = now(), updated_at = now()
            where project_name = @project and lower(owner) = lower(@owner)
            returning {Columns}
            """);
        command.Parameters.AddWithValue("project", project);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("nonce", WebhookSecrets.NewNonce());
        return await ReadOneAsync(command, cancellationToken);
    }

    /// <summary>Remembers a verified delivery; false when it was seen before (a replay).</summary>
    public async Task<bool> RecordDeliveryAsync(long refreshId, string deliveryId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            insert into webhook_deliveries (refresh_id, delivery_id) values (@refresh_id, @delivery_id)
            on conflict do nothing
            """);
        command.Parameters.AddWithValue("refresh_id", refreshId);
        command.Parameters.AddWithValue("delivery_id", deliveryId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// The variants of the project that follow their branch (all, or the chosen ones), optionally of one branch only.
    /// </summary>
    public async Task<IReadOnlyList<FollowingVariant>> FollowersAsync(RefreshSettings settings, string? branch,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select name, branch, ai_provider, ai_model, owner, repo_url, status, last_commit_sha from variants
            where name = @project and owner = @owner and (@branch::text is null or branch = @branch)
              and (@variants::text[] is null or branch || '/' || ai_provider || '/' || ai_model = any(@variants))
            order by branch, ai_provider, ai_model
            """);
        command.Parameters.AddWithValue("project", settings.Project);
        command.Parameters.AddWithValue("owner", settings.Owner);
        command.Parameters.AddWithValue("branch", NpgsqlTypes.NpgsqlDbType.Text, (object?)branch ?? DBNull.Value);
        command.Parameters.AddWithValue("variants", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text,
            (object?)settings.Variants?.ToArray() ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var followers = new List<FollowingVariant>();
        while (await reader.ReadAsync(cancellationToken))
        {
            followers.Add(new FollowingVariant(
                new VariantKey(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)),
                reader.GetString(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
        }
        return followers;
    }

    /// <summary>Claims up to <paramref name="limit"/> due schedules for <paramref name="lease"/>.</summary>
    public async Task<IReadOnlyList<RefreshSettings>> ClaimDueSchedulesAsync(TimeSpan lease, int limit,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            update project_refresh set next_check_at = now() + @lease
            where id in (
                select id from project_refresh
                where interval_minutes is not null and next_check_at <= now()
                order by next_check_at
                limit @limit
                for update skip locked)
            returning {Columns}
            """);
        command.Parameters.AddWithValue("lease", lease);
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var claimed = new List<RefreshSettings>();
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(Read(reader));
        }
        return claimed;
    }

    /// <summary>Records a finished check: the next one is one interval from now (as the settings say now).</summary>
    public async Task CheckedAsync(long refreshId, TimeSpan intervalUnit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            update project_refresh
            set last_checked_at = now(), next_check_at = case when interval_minutes is null then null
                                                              else now() + interval_minutes * @unit end
            where id = @id
            """);
        command.Parameters.AddWithValue("id", refreshId);
        command.Parameters.AddWithValue("unit", intervalUnit);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Forgets deliveries older than <paramref name="retention"/>.</summary>
    public async Task<int> PurgeDeliveriesAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("delete from webhook_deliveries where received_at < now() - @retention");
        command.Parameters.AddWithValue("retention", retention);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<RefreshSettings?> ReadOneAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static RefreshSettings Read(NpgsqlDataReader reader) => new(
        Id: reader.GetInt64(0),
        Project: reader.GetString(1),
        Owner: reader.GetString(2),
        WebhookId: reader.GetString(3),
        SecretNonce: reader.GetFieldValue<byte[]>(4),
        SecretRotatedAt: reader.GetDateTime(5),
        IntervalMinutes: reader.IsDBNull(6) ? null : reader.GetInt32(6),
        OnPush: reader.GetBoolean(7),
        Variants: reader.IsDBNull(8) ? null : reader.GetFieldValue<string[]>(8),
        NextCheckAt: reader.IsDBNull(9) ? null : reader.GetDateTime(9),
        LastCheckedAt: reader.IsDBNull(10) ? null : reader.GetDateTime(10));
}

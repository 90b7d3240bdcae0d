using Docsfy.Api.Data;
using Docsfy.Contracts;
using Npgsql;

namespace Docsfy.Api.Projects;

/// <summary>
/// Deletes variants of one (name, owner) with their site files, and the project's grants and refresh settings when its
/// last variant goes, in one transaction. Who may delete is decided by the endpoint; this class only refuses while a run
/// is generating (the worker would report into a row that no longer exists).
/// </summary>
public sealed class ProjectDeleter(NpgsqlDataSource dataSource)
{
    /// <param name="branch">With <paramref name="provider"/> and <paramref name="model"/>: one variant; all null: every variant.</param>
    public async Task<DeletionOutcome> DeleteAsync(string name, string owner, string? branch, string? provider, string? model,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Rows are locked in id order so two deletes of the same project cannot deadlock each other.
        await using var find = new NpgsqlCommand("""
            select id, owner, status, generation_id, published_generation_id from variants
            where name = @name and lower(owner) = lower(@owner)
              and (@one_variant = false or (branch = @branch and ai_provider = @provider and ai_model = @model))
            order by id
            for update
            """, connection, transaction);
        find.Parameters.AddWithValue("name", name);
        find.Parameters.AddWithValue("owner", owner);
        find.Parameters.AddWithValue("one_variant", branch is not null);
        find.Parameters.AddWithValue("branch", branch ?? "");
        find.Parameters.AddWithValue("provider", provider ?? "");
        find.Parameters.AddWithValue("model", model ?? "");

        var ids = new List<long>();
        var runs = new List<Guid>();
        string? storedOwner = null;
        var generating = false;
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetInt64(0));
                storedOwner ??= reader.GetString(1);
                generating |= reader.GetString(2) == VariantStatus.Generating;
                runs.Add(reader.GetGuid(3));
                if (!reader.IsDBNull(4))
                {
                    runs.Add(reader.GetGuid(4));
                }
            }
        }
        if (storedOwner is null)
        {
            return new DeletionOutcome(DeletionStatus.NotFound);
        }
        if (generating)
        {
            return new DeletionOutcome(DeletionStatus.Generating, storedOwner);
        }

        var grantees = await GranteesAsync(connection, transaction, name, storedOwner, cancellationToken);

        await using var delete = new NpgsqlCommand("""
            delete from variants where id = any(@ids);
            """ + RunFiles.DeleteUnreferenced, connection, transaction);
        delete.Parameters.AddWithValue("ids", ids.ToArray());
        delete.Parameters.AddWithValue("runs", runs.Distinct().ToArray());
        await delete.ExecuteNonQueryAsync(cancellationToken);

        await using var grants = new NpgsqlCommand("""
            delete from access_grants
            where project_name = @name and owner = @owner
              and not exists (select 1 from variants where name = @name and owner = @owner)
            """, connection, transaction);
        grants.Parameters.AddWithValue("name", name);
        grants.Parameters.AddWithValue("owner", storedOwner);
        var grantsRemoved = await grants.ExecuteNonQueryAsync(cancellationToken) > 0;

        // Its refresh settings (webhook id and secret, schedule) and remembered deliveries go with the last variant, and
        // so do its repository credentials: a project made again later under the name must not inherit them.
        await using var refresh = new NpgsqlCommand("""
            delete from project_refresh
            where project_name = @name and lower(owner) = lower(@owner)
              and not exists (select 1 from variants where name = @name and owner = @owner);
            delete from project_credentials
            where project_name = @name and lower(owner) = lower(@owner)
              and not exists (select 1 from variants where name = @name and owner = @owner);
            """, connection, transaction);
        refresh.Parameters.AddWithValue("name", name);
        refresh.Parameters.AddWithValue("owner", storedOwner);
        await refresh.ExecuteNonQueryAsync(cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return new DeletionOutcome(DeletionStatus.Deleted, storedOwner, ids.Count, grantees, grantsRemoved);
    }

    private static async Task<IReadOnlyList<string>> GranteesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        string name, string owner, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            select u.username from access_grants g join users u on u.id = g.grantee_id
            where g.project_name = @name and g.owner = @owner
            """, connection, transaction);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("owner", owner);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var grantees = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            grantees.Add(reader.GetString(0));
        }
        return grantees;
    }
}

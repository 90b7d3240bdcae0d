using Docsfy.Api.Auth;
using Docsfy.Contracts;
using Npgsql;

namespace Docsfy.Api.Projects;

/// <summary>Reads variants under the visibility rules: admins see all, others their own and what was shared with them.</summary>
public sealed class ProjectStore(NpgsqlDataSource dataSource)
{
    private const string VariantColumns = """
        v.name, v.branch, v.ai_provider, v.ai_model, v.owner, v.repo_url, v.status, v.current_stage, v.last_commit_sha,
        v.last_generated, v.page_count, v.error_message, v.plan_json, v.created_at, v.updated_at, v.generation_id, v.repo_type,
        v.published_commit_sha, v.left_out
        """;

    /// <summary>The visibility rule, in SQL: the one place lists of variants are filtered.</summary>
    private const string VisibleTo = """
        (@is_admin
         or lower(v.owner) = lower(@username)
         or exists (select 1 from access_grants g
                    where g.project_name = v.name and g.owner = v.owner and g.grantee_id = @user_id))
        """;

    public async Task<ProjectSnapshot> SnapshotAsync(Caller caller, CancellationToken cancellationToken)
    {
        var visible = await ListVisibleAsync(caller, cancellationToken);
        var ready = await ListReadyAsync(cancellationToken);
        return ProjectSnapshot.Create(caller, visible, ready);
    }

    /// <summary>The version of everything a snapshot shows; it changes with every committed change to variants or grants.</summary>
    public async Task<long> SnapshotVersionAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select version from snapshot_version where id = 1");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>A snapshot and the version it shows, read in one repeatable-read transaction so the two agree exactly.</summary>
    public async Task<(long Version, ProjectSnapshot Snapshot)> VersionedSnapshotAsync(Caller caller, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await using var version = new NpgsqlCommand("select version from snapshot_version where id = 1", connection, transaction);
        var number = (long)(await version.ExecuteScalarAsync(cancellationToken))!;
        var visible = await ListVisibleAsync(caller, cancellationToken, connection, transaction);
        var ready = await ListReadyAsync(cancellationToken, connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return (number, ProjectSnapshot.Create(caller, visible, ready));
    }

    public async Task<IReadOnlyList<VariantView>> ListVisibleAsync(Caller caller, CancellationToken cancellationToken,
        NpgsqlConnection? connection = null, NpgsqlTransaction? transaction = null)
    {
        await using var command = Command(
            $"select {VariantColumns} from variants v where {VisibleTo} order by v.updated_at desc, v.id desc", connection, transaction);
        AddCaller(command, caller);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var variants = new List<VariantView>();
        while (await reader.ReadAsync(cancellationToken))
        {
            variants.Add(ReadVariant(reader));
        }
        return variants;
    }

    /// <summary>
    /// The visible variants that pass <paramref name="filter"/>. Visibility is applied here, in the same SQL as every
    /// list, so a variant the caller may not see is simply absent (and the endpoints answer 404, never 403).
    /// </summary>
    public async Task<IReadOnlyList<VariantMatch>> FindVisibleAsync(Caller caller, VariantFilter filter, VariantOrder order,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        var conditions = Conditions(command, filter);
        var orderBy = order switch
        {
            VariantOrder.OwnThenNewestGenerated =>
                "lower(v.owner) = lower(@username) desc, v.last_generated desc nulls last, v.updated_at desc, v.id desc",
            _ => "v.updated_at desc, v.id desc",
        };
        command.CommandText = $"""
            select {VariantColumns}, v.published_generation_id,
                   v.ai_calls, v.ai_input_tokens, v.ai_output_tokens, v.ai_cost_usd, v.pages_reused,
                   v.run_trigger, v.run_triggered_by
            from variants v
            where {conditions}
            order by {orderBy}
            """;
        AddCaller(command, caller);

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var matches = new List<VariantMatch>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var view = ReadVariant(reader) with
            {
                AiUsage = ReadUsage(reader, first: 20),
                Trigger = RunTriggerView.From(reader.IsDBNull(25) ? null : reader.GetString(25), reader.IsDBNull(26) ? null : reader.GetString(26)),
            };
            matches.Add(new VariantMatch(view, reader.IsDBNull(19) ? null : reader.GetGuid(19)));
        }
        return matches;
    }

    /// <summary>
    /// The published sites of the visible variants that pass <paramref name="filter"/>: each variant's key and the run it
    /// serves, and nothing else, so a caller who sees thousands of variants (search for an admin) does not read their
    /// plans. The same visibility rule and filter as <see cref="FindVisibleAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<PublishedSite>> FindVisibleSitesAsync(Caller caller, VariantFilter filter,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        var conditions = Conditions(command, filter with { PublishedOnly = true });
        command.CommandText = $"""
            select v.name, v.branch, v.ai_provider, v.ai_model, v.owner, v.published_generation_id
            from variants v
            where {conditions}
            order by v.updated_at desc, v.id desc
            """;
        AddCaller(command, caller);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var sites = new List<PublishedSite>();
        while (await reader.ReadAsync(cancellationToken))
        {
            sites.Add(new PublishedSite(new VariantKey(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.GetString(3), reader.GetString(4)), reader.GetGuid(5)));
        }
        return sites;
    }

    /// <summary>The visibility rule and <paramref name="filter"/> as one SQL condition, with its parameters added.</summary>
    private static string Conditions(NpgsqlCommand command, VariantFilter filter)
    {
        var conditions = new List<string> { VisibleTo };
        void Match(string condition, string parameter, object? value)
        {
            if (value is not null)
            {
                conditions.Add(condition);
                command.Parameters.AddWithValue(parameter, value);
            }
        }
        Match("v.name = @name", "name", filter.Name);
        Match("v.branch = @branch", "branch", filter.Branch);
        Match("v.ai_provider = @provider", "provider", filter.Provider);
        Match("v.ai_model = @model", "model", filter.Model);
        Match("lower(v.owner) = lower(@owner)", "owner", filter.Owner);
        Match("v.generation_id = @generation_id", "generation_id", filter.RunId);
        if (filter.PublishedOnly)
        {
            conditions.Add("v.published_generation_id is not null");
        }
        return string.Join(" and ", conditions);
    }

    private async Task<IReadOnlyList<ReadyVariant>> ListReadyAsync(CancellationToken cancellationToken,
        NpgsqlConnection? connection = null, NpgsqlTransaction? transaction = null)
    {
        await using var command = Command(
            "select distinct name, branch, ai_provider, ai_model, owner from variants where status = 'ready'", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ready = new List<ReadyVariant>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ready.Add(new ReadyVariant(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        }
        return ready;
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> KnownModelsAsync(CancellationToken cancellationToken) =>
        ProjectSnapshot.KnownModelsOf(await ListReadyAsync(cancellationToken));

    /// <summary>A command on the given connection and transaction, or on a pooled connection of its own.</summary>
    private NpgsqlCommand Command(string sql, NpgsqlConnection? connection, NpgsqlTransaction? transaction) =>
        connection is null ? dataSource.CreateCommand(sql) : new NpgsqlCommand(sql, connection, transaction);

    private static void AddCaller(NpgsqlCommand command, Caller caller)
    {
        command.Parameters.AddWithValue("is_admin", caller.IsAdmin);
        command.Parameters.AddWithValue("username", caller.Username);
        command.Parameters.AddWithValue("user_id", caller.UserId ?? -1L);
    }

    /// <summary>The run's usage columns from <paramref name="first"/> on; null when the run recorded none.</summary>
    private static AiUsageView? ReadUsage(NpgsqlDataReader reader, int first) => reader.IsDBNull(first)
        ? null
        : new AiUsageView(
            Calls: reader.GetInt32(first),
            InputTokens: reader.IsDBNull(first + 1) ? null : reader.GetInt64(first + 1),
            OutputTokens: reader.IsDBNull(first + 2) ? null : reader.GetInt64(first + 2),
            CostUsd: reader.IsDBNull(first + 3) ? null : reader.GetDecimal(first + 3),
            PagesReused: reader.IsDBNull(first + 4) ? null : reader.GetInt32(first + 4));

    private static VariantView ReadVariant(NpgsqlDataReader reader) => new(
        Name: reader.GetString(0),
        Branch: reader.GetString(1),
        AiProvider: reader.GetString(2),
        AiModel: reader.GetString(3),
        Owner: reader.GetString(4),
        RepoUrl: reader.GetString(5),
        Status: reader.GetString(6),
        CurrentStage: reader.IsDBNull(7) ? null : reader.GetString(7),
        LastCommitSha: reader.IsDBNull(8) ? null : reader.GetString(8),
        LastGenerated: reader.IsDBNull(9) ? null : Timestamps.Format(reader.GetDateTime(9)),
        PageCount: reader.GetInt32(10),
        ErrorMessage: reader.IsDBNull(11) ? null : reader.GetString(11),
        PlanJson: reader.IsDBNull(12) ? null : reader.GetString(12),
        CreatedAt: Timestamps.Format(reader.GetDateTime(13)),
        UpdatedAt: Timestamps.Format(reader.GetDateTime(14)),
        RunId: reader.GetGuid(15),
        RepoType: reader.IsDBNull(16) ? null : reader.GetString(16),
        PublishedCommitSha: reader.IsDBNull(17) ? null : reader.GetString(17),
        LeftOut: reader.IsDBNull(18) ? null : reader.GetString(18));
}

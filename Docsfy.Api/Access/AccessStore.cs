using Npgsql;

namespace Docsfy.Api.Access;

public enum GrantOutcome { Granted, AlreadyGranted, UserNotFound, ProjectNotFound }

/// <summary>
/// Grants of a project (name, owner) to users. A grant covers every branch and model of that project. Owners are
/// usernames, so they match regardless of case like everywhere else; a grant stores the owner exactly as the project's
/// variants spell it, which is what visibility compares with.
/// </summary>
public sealed class AccessStore(NpgsqlDataSource dataSource)
{
    public async Task<GrantOutcome> GrantAsync(string project, string owner, string grantee, CancellationToken cancellationToken)
    {
        // One statement: the grantee and the project are checked and the grant written atomically, under the owner's
        // stored spelling.
        await using var command = dataSource.CreateCommand("""
            with grantee as (select id from users where lower(username) = lower(@grantee)),
                 project as (select owner from variants where name = @project and lower(owner) = lower(@owner) limit 1),
                 inserted as (
                     insert into access_grants (project_name, owner, grantee_id)
                     select @project, project.owner, grantee.id from grantee, project
                     on conflict do nothing
                     returning 1)
            select (select count(*) from grantee), (select count(*) from project), (select count(*) from inserted)
            """);
        command.Parameters.AddWithValue("project", project);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("grantee", grantee);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)) switch
        {
            (0, _, _) => GrantOutcome.UserNotFound,
            (_, 0, _) => GrantOutcome.ProjectNotFound,
            (_, _, 0) => GrantOutcome.AlreadyGranted,
            _ => GrantOutcome.Granted,
        };
    }

    public async Task<bool> RevokeAsync(string project, string owner, string grantee, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            delete from access_grants
            where project_name = @project and lower(owner) = lower(@owner)
              and grantee_id = (select id from users where lower(username) = lower(@grantee))
            """);
        command.Parameters.AddWithValue("project", project);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("grantee", grantee);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<IReadOnlyList<string>> ListGranteesAsync(string project, string owner, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select u.username from access_grants g join users u on u.id = g.grantee_id
            where g.project_name = @project and lower(g.owner) = lower(@owner)
            order by lower(u.username)
            """);
        command.Parameters.AddWithValue("project", project);
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

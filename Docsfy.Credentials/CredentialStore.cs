using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Npgsql;

namespace Docsfy.Credentials;

/// <summary>
/// The <c>project_credentials</c> table. The secret is stored only as a Data Protection payload whose purpose names the
/// project (owner, name), so it opens for that project alone; the summary columns beside it say what may be shown.
/// </summary>
public sealed class CredentialStore(NpgsqlDataSource dataSource, IDataProtectionProvider protection)
{
    private const string Purpose = "Docsfy.RepositoryCredentials.v1";

    public async Task<CredentialSummary> SaveAsync(string project, string owner, RepositoryCredential credential,
        string fingerprint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var payload = JsonSerializer.SerializeToUtf8Bytes(new SecretPayload(credential.Secret, credential.KnownHosts),
            CredentialJson.Default.SecretPayload);
        byte[] protectedBytes;
        try
        {
            protectedBytes = ProtectorFor(project, owner).Protect(payload);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(payload);
        }
        await using var command = dataSource.CreateCommand("""
            insert into project_credentials (project_name, owner, kind, username, fingerprint, protected, set_at)
            values (@project, @owner, @kind, @username, @fingerprint, @protected, now())
            on conflict (project_name, lower(owner)) do update
                set kind = excluded.kind, username = excluded.username, fingerprint = excluded.fingerprint,
                    protected = excluded.protected, set_at = excluded.set_at
            returning kind, username, set_at, fingerprint
            """);
        command.Parameters.AddWithValue("project", project);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("kind", credential.Kind);
        command.Parameters.AddWithValue("username", (object?)credential.Username ?? DBNull.Value);
        command.Parameters.AddWithValue("fingerprint", fingerprint);
        command.Parameters.AddWithValue("protected", protectedBytes);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return SummaryOf(reader);
    }

    /// <summary>What may be shown of the project's credential, or null when it has none.</summary>
    public async Task<CredentialSummary?> FindSummaryAsync(string project, string owner, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select kind, username, set_at, fingerprint from project_credentials
            where project_name = @project and lower(owner) = lower(@owner)
            """);
        command.Parameters.AddWithValue("project", project);
        command.Parameters.AddWithValue("owner", owner);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? SummaryOf(reader) : null;
    }

    /// <summary>
    /// How many of <paramref name="owner"/>'s credentials belong to projects with no variant (set before the first run),
    /// <paramref name="except"/> not counted.
    /// </summary>
    public async Task<int> CountAwaitingFirstRunAsync(string owner, string except, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select count(*)::int from project_credentials c
            where lower(c.owner) = lower(@owner) and c.project_name <> @except
              and not exists (select 1 from variants v where v.name = c.project_name and lower(v.owner) = lower(c.owner))
            """);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("except", except);
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<bool> DeleteAsync(string project, string owner, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "delete from project_credentials where project_name = @project and lower(owner) = lower(@owner)");
        command.Parameters.AddWithValue("project", project);
        command.Parameters.AddWithValue("owner", owner);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>
    /// The project's credential in clear, for the clone and head checks only; null when it has none. Throws
    /// <see cref="CredentialUnreadableException"/> when it is stored but cannot be opened.
    /// </summary>
    public async Task<RepositoryCredential?> LoadAsync(string project, string owner, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select kind, username, protected from project_credentials
            where project_name = @project and lower(owner) = lower(@owner)
            """);
        command.Parameters.AddWithValue("project", project);
        command.Parameters.AddWithValue("owner", owner);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var kind = reader.GetString(0);
        var username = reader.IsDBNull(1) ? null : reader.GetString(1);
        SecretPayload secret;
        try
        {
            var payload = ProtectorFor(project, owner).Unprotect(reader.GetFieldValue<byte[]>(2));
            try
            {
                secret = JsonSerializer.Deserialize(payload, CredentialJson.Default.SecretPayload)
                    ?? throw new CryptographicException("The credential payload is empty.");
            }
            finally
            {
                CryptographicOperations.ZeroMemory(payload);
            }
        }
        catch (Exception e) when (e is CryptographicException or JsonException)
        {
            throw new CredentialUnreadableException(e);
        }
        return kind == CredentialKind.SshKey
            ? RepositoryCredential.SshKey(secret.Secret, secret.KnownHosts)
            : RepositoryCredential.Token(username ?? "", secret.Secret);
    }

    /// <summary>Owner names compare without case everywhere, so the purpose uses the lower-case form.</summary>
    private IDataProtector ProtectorFor(string project, string owner) =>
        protection.CreateProtector(Purpose, owner.ToLowerInvariant(), project);

    private static CredentialSummary SummaryOf(NpgsqlDataReader reader) => new(reader.GetString(0),
        reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3));
}

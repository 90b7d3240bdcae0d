using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Docsfy.AppHost.Infrastructure;

/// <summary>
/// The folder that holds local mode's PostgreSQL cluster, RabbitMQ node and their generated passwords. Persistent by
/// default (users survive an app host restart); ephemeral for tests (fresh per start, deleted on shutdown).
/// </summary>
[UnsupportedOSPlatform("windows")] // Debian paths, setpriv and Unix file modes
public sealed class LocalDataDirectory
{
    private const string EphemeralPrefix = "docsfy-eph-";
    private const string OwnerFile = ".owner-pid";

    private readonly Lock _createLock = new();
    private bool _created;

    private LocalDataDirectory(string root, bool ephemeral, string instanceId)
    {
        Root = root;
        IsEphemeral = ephemeral;
        InstanceId = instanceId;
    }

    /// <summary>The data folder.</summary>
    public string Root { get; }

    /// <summary>True for a throw-away folder created for this app host run.</summary>
    public bool IsEphemeral { get; }

    /// <summary>
    /// Short id of this data folder, used in the RabbitMQ node name: stable for a persistent folder (RabbitMQ keeps its
    /// data under the node name, so a new name would lose queues and users), unique for an ephemeral one (two test runs
    /// at once must not share a node name).
    /// </summary>
    public string InstanceId { get; }

    /// <summary>PostgreSQL's cluster folder (PGDATA).</summary>
    public string PostgresData => Path.Combine(Root, "postgres");

    /// <summary>The generated PostgreSQL superuser password (0600).</summary>
    public string PostgresPasswordFile => Path.Combine(Root, "postgres.password");

    /// <summary>RabbitMQ's folder: HOME (Erlang cookie), mnesia, logs, config.</summary>
    public string RabbitMQ => Path.Combine(Root, "rabbitmq");

    /// <summary>The generated RabbitMQ password (0600).</summary>
    public string RabbitMQPasswordFile => Path.Combine(Root, "rabbitmq.password");

    /// <summary>The generated secret the API hashes user API keys with (0600); it must live as long as the database.</summary>
    public string KeyHashSecretFile => Path.Combine(Root, "key-hash.secret");

    /// <summary>PostgreSQL refuses to run as root, so as root it runs as the postgres user and needs a reachable folder.</summary>
    public static bool RunningAsRoot => Environment.IsPrivilegedProcess;

    /// <summary>Chooses the folder from the settings: explicit, ephemeral, or the per-user (per-machine for root) default.</summary>
    public static LocalDataDirectory From(InfrastructureSettings settings)
    {
        if (settings.Ephemeral)
        {
            var id = SecretGenerator.Hex(6);
            var root = settings.DataDir is { } parent
                ? Path.Combine(parent, EphemeralPrefix + id)
                : Path.Combine(Path.GetTempPath(), EphemeralPrefix + id);
            return new LocalDataDirectory(root, ephemeral: true, id);
        }

        var path = settings.DataDir ?? DefaultRoot(RunningAsRoot, Environment.GetEnvironmentVariable("XDG_DATA_HOME"),
            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
        var stableId = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(path)))[..12];
        return new LocalDataDirectory(path, ephemeral: false, stableId);
    }

    /// <summary>
    /// Creates the folder. As root it must be traversable by the postgres user, so it is created 0755 and every
    /// ancestor is checked; an ephemeral folder is marked with this process id so a later run can sweep it if this
    /// one is killed before it can clean up.
    /// </summary>
    public void EnsureCreated()
    {
        lock (_createLock)
        {
            if (_created)
            {
                return;
            }

            Create();
            _created = true;
        }
    }

    private void Create()
    {
        if (IsEphemeral)
        {
            SweepAbandonedEphemeralFolders(Path.GetDirectoryName(Root)!);
        }

        Directory.CreateDirectory(Root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        if (IsEphemeral)
        {
            File.WriteAllText(Path.Combine(Root, OwnerFile), Environment.ProcessId.ToString());
        }

        if (RunningAsRoot)
        {
            EnsureTraversableByOthers(Root);
        }
    }

    /// <summary>
    /// Adds a secret parameter whose value is generated once into <paramref name="file"/> (0600) in this folder. It is
    /// read only when the app host starts, so merely building the model (tests, publish) touches no files.
    /// </summary>
    public IResourceBuilder<ParameterResource> AddGeneratedSecretParameter(IDistributedApplicationBuilder builder, string name, string file) =>
        builder.AddParameter(name, () =>
        {
            EnsureCreated();
            return SecretFile.ReadOrCreate(file, () => SecretGenerator.UrlSafe(36));
        }, secret: true);

    /// <summary>Deletes an ephemeral folder when the app host stops (a killed app host's folder is swept by the next run).</summary>
    public void DeleteOnShutdownIfEphemeral(IDistributedApplicationBuilder builder)
    {
        if (!IsEphemeral)
        {
            return;
        }

        builder.OnBeforeStart((e, _) =>
        {
            // ApplicationStopped fires after DCP has stopped the servers, so their files are no longer in use.
            e.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(Delete);
            return Task.CompletedTask;
        });
    }

    // Servers may still be exiting, so it retries briefly and then gives up quietly.
    private void Delete()
    {
        for (var attempt = 0; attempt < 10 && Directory.Exists(Root); attempt++)
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(500);
            }
        }
    }

    /// <summary>
    /// The persistent folder when none is configured: one per machine for root (the postgres user must reach it), else
    /// the user's XDG data folder.
    /// </summary>
    public static string DefaultRoot(bool runningAsRoot, string? xdgDataHome, string userProfile)
    {
        if (runningAsRoot)
        {
            return "/var/lib/docsfy";
        }

        var dataHome = string.IsNullOrWhiteSpace(xdgDataHome) ? Path.Combine(userProfile, ".local", "share") : xdgDataHome;
        return Path.Combine(dataHome, "docsfy");
    }

    /// <summary>Fails, naming the folder to fix, when the postgres user could not walk down to <paramref name="path"/>.</summary>
    public static void EnsureTraversableByOthers(string path)
    {
        for (var dir = new DirectoryInfo(path); dir is not null; dir = dir.Parent)
        {
            if (!dir.UnixFileMode.HasFlag(UnixFileMode.OtherExecute))
            {
                throw new InvalidOperationException(
                    $"The postgres user cannot reach the data folder {path}: {dir.FullName} is not traversable by others. " +
                    "Choose another Infrastructure:DataDir (for example /var/lib/docsfy) or run `chmod o+x` on that folder.");
            }
        }
    }

    private static void SweepAbandonedEphemeralFolders(string parent)
    {
        if (!Directory.Exists(parent))
        {
            return;
        }

        foreach (var dir in Directory.EnumerateDirectories(parent, EphemeralPrefix + "*"))
        {
            try
            {
                var owner = File.ReadAllText(Path.Combine(dir, OwnerFile)).Trim();
                if (int.TryParse(owner, out var pid) && !Directory.Exists($"/proc/{pid}"))
                {
                    Directory.Delete(dir, recursive: true);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another run's folder, still in use or half-deleted: not ours to fight over.
            }
        }
    }
}

namespace Docsfy.AppHost.Infrastructure;

/// <summary>Where Debian's <c>postgresql</c> and <c>rabbitmq-server</c> packages put their server binaries.</summary>
internal static class LocalBinaries
{
    /// <summary>The shell command that installs what local mode needs.</summary>
    public const string InstallCommand = "apt-get install -y postgresql rabbitmq-server";

    private const string PostgresRoot = "/usr/lib/postgresql";

    /// <summary>
    /// RabbitMQ's own start script. The /usr/sbin wrapper is avoided on purpose: it switches user with su and changes
    /// directory, which breaks both DCP's process tracking and our per-instance environment.
    /// </summary>
    public const string RabbitMQServer = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    /// <summary>The bin folder of the highest installed PostgreSQL major version, or null when none is installed.</summary>
    public static string? FindPostgresBinDirectory()
    {
        if (!Directory.Exists(PostgresRoot))
        {
            return null;
        }

        return Directory.EnumerateDirectories(PostgresRoot)
            .Select(dir => (dir, version: int.TryParse(Path.GetFileName(dir), out var v) ? v : -1))
            .Where(x => x.version >= 0 && File.Exists(Path.Combine(x.dir, "bin", "postgres")))
            .OrderByDescending(x => x.version)
            .Select(x => Path.Combine(x.dir, "bin"))
            .FirstOrDefault();
    }
}

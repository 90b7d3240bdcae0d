using System.ComponentModel.DataAnnotations;

namespace Docsfy.MigrationService;

/// <summary>Limits of one migration run (section <c>Migrations</c>).</summary>
public sealed class MigrationOptions
{
    public const string Section = "Migrations";

    /// <summary>
    /// The whole run: reaching the database, waiting for another migrator's advisory lock, applying. Past it the service
    /// exits with an error, and the app host starts neither the API nor the worker.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The pause between attempts while the database is not reachable yet.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}

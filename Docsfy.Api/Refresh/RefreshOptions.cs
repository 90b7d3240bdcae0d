namespace Docsfy.Api.Refresh;

/// <summary>Refresh on push and on a schedule (section <c>Refresh</c>; docs/design/refresh.md).</summary>
public sealed class RefreshOptions
{
    public const string Section = "Refresh";

    /// <summary>The longest schedule: 7 days.</summary>
    public const int MaximumIntervalMinutes = 7 * 24 * 60;

    /// <summary>The shortest schedule a project may ask for, in minutes.</summary>
    public int MinimumIntervalMinutes { get; set; } = 15;

    /// <summary>
    /// How long one minute of <c>interval_minutes</c> lasts. Always a minute in production; tests shorten it so a
    /// schedule comes due within a test.
    /// </summary>
    public TimeSpan IntervalUnit { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often each replica looks for due schedules and follow-up runs.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long a replica holds a schedule or follow-up it claimed: others skip it meanwhile, and take it over when a
    /// replica died holding it.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a worker may take to read a branch's head.</summary>
    public TimeSpan HeadCheckTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest webhook body accepted (413 beyond).</summary>
    public int MaxPayloadBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>How long a delivery id is remembered to refuse replays.</summary>
    public TimeSpan DeliveryRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// The address hosts reach the API at (e.g. <c>https://docs.example.com</c>), for the <c>webhook_url</c> settings show;
    /// when unset, the address of the request that reads the settings.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    public string? Problem()
    {
        if (MinimumIntervalMinutes is < 1 or > MaximumIntervalMinutes)
        {
            return $"Refresh:MinimumIntervalMinutes must be from 1 to {MaximumIntervalMinutes}.";
        }
        if (IntervalUnit <= TimeSpan.Zero || TickInterval <= TimeSpan.Zero || ClaimLease <= TimeSpan.Zero
            || HeadCheckTimeout <= TimeSpan.Zero || DeliveryRetention <= TimeSpan.Zero)
        {
            return "Refresh:IntervalUnit, TickInterval, ClaimLease, HeadCheckTimeout and DeliveryRetention must be positive.";
        }
        if (MaxPayloadBytes < 1024)
        {
            return "Refresh:MaxPayloadBytes must be at least 1024.";
        }
        if (PublicBaseUrl is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"))
        {
            return "Refresh:PublicBaseUrl must be an absolute http(s) URL.";
        }
        return null;
    }
}

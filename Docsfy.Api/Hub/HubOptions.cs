namespace Docsfy.Api.Hub;

/// <summary>Timings and limits of <c>/api/ws</c> (section <c>Hub</c>). Tests shorten the heartbeat.</summary>
public sealed class HubOptions
{
    public const string Section = "Hub";

    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan PongTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public int MaxMissedPongs { get; set; } = 2;

    /// <summary>Messages waiting for one slow client before it is closed (it reconnects to a fresh sync).</summary>
    public int SendQueueCapacity { get; set; } = 256;

    /// <summary>A single send that takes longer than this closes the connection.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Only <c>{"type":"pong"}</c> is expected from clients; anything larger is refused.</summary>
    public int MaxInboundMessageBytes { get; set; } = 4096;
}

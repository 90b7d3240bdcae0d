namespace Docsfy.Cli.Connection;

/// <summary>Where the server is and the key that authenticates with it; <see cref="ToString"/> never shows the key.</summary>
public sealed record ServerConnection(Uri BaseUrl, string ApiKey, string Source)
{
    public override string ToString() => $"{BaseUrl} ({Source})";
}

using System.Text.Json.Serialization;

namespace Docsfy.Cli.Connection.Profiles;

/// <summary>One saved server and the key to use with it.</summary>
public sealed record Profile(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("api_key")] string ApiKey);

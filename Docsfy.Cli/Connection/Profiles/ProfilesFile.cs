using System.Text.Json.Serialization;

namespace Docsfy.Cli.Connection.Profiles;

/// <summary>The profile file's content: named profiles and which one commands use when none is named.</summary>
public sealed class ProfilesFile
{
    [JsonPropertyName("default")]
    public string? Default { get; set; }

    [JsonPropertyName("profiles")]
    public Dictionary<string, Profile> Profiles { get; set; } = new(StringComparer.Ordinal);
}

using System.Text.Json.Serialization;

namespace Docsfy.Cli.Connection.Profiles;

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(ProfilesFile))]
internal sealed partial class ProfilesJsonContext : JsonSerializerContext;

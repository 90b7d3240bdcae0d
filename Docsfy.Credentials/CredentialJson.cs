using System.Text.Json.Serialization;

namespace Docsfy.Credentials;

[JsonSerializable(typeof(SecretPayload))]
internal sealed partial class CredentialJson : JsonSerializerContext;

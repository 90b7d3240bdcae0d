namespace Docsfy.Credentials.KeyRing;

/// <summary>The secret the key ring is encrypted with: <c>DOCSFY_KEY_HASH_SECRET</c>, which the app host gives every service.</summary>
public sealed class KeyRingOptions
{
    public const string SecretSetting = "DOCSFY_KEY_HASH_SECRET";

    /// <summary>Like the API's own check of the same secret (Auth): shorter would make a guessable key.</summary>
    public const int MinSecretLength = 32;

    public string Secret { get; set; } = "";
}

namespace Docsfy.Worker.Ai.Cli;

/// <summary>
/// Removes the worker's own secrets from an AI tool's environment: the tool runs model-directed commands over an untrusted
/// repository, so it must not be able to read the admin key, the key-hashing secret, database or broker credentials, or
/// the telemetry headers. The tools' own credentials (ANTHROPIC_API_KEY, GEMINI_API_KEY, CURSOR_API_KEY) stay.
/// </summary>
internal static class ChildEnvironment
{
    private static readonly HashSet<string> SecretNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "ADMIN_KEY",
        "DOCSFY_KEY_HASH_SECRET",
        "OPENAI_API_KEY",
        "Ai__OpenAI__ApiKey",
    };

    private static readonly string[] SecretPrefixes = ["ConnectionStrings__", "ConnectionStrings:", "OTEL_EXPORTER_OTLP_"];

    // Aspire passes resource connection details (e.g. <resource>_PASSWORD, <resource>_URI) next to connection strings.
    private static readonly string[] SecretFragments = ["PASSWORD", "SECRET"];
    private static readonly string[] SecretSuffixes = ["_URI"];

    public static bool IsSecret(string name) =>
        SecretNames.Contains(name)
        || SecretPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        || SecretFragments.Any(fragment => name.Contains(fragment, StringComparison.OrdinalIgnoreCase))
        || SecretSuffixes.Any(suffix => name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));

    public static void RemoveSecrets(IDictionary<string, string?> environment)
    {
        foreach (var name in environment.Keys.Where(IsSecret).ToList())
            environment.Remove(name);
    }
}

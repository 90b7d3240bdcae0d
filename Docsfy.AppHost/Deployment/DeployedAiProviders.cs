using Microsoft.Extensions.Configuration;

namespace Docsfy.AppHost.Deployment;

/// <summary>
/// The AI providers a deployment's workers run, read from the app host's <c>AI_AVAILABLE_PROVIDERS</c> (the same value
/// the API is given, so what the API offers is what the image holds and the keys the deployment asks for).
/// </summary>
/// <param name="Names">Provider names as configured, lower case, without duplicates.</param>
public sealed record DeployedAiProviders(IReadOnlyList<string> Names)
{
    /// <summary>App host setting, also passed to the API unchanged.</summary>
    public const string Setting = "AI_AVAILABLE_PROVIDERS";

    /// <summary>Providers that run a command-line tool, and the tool the worker image installs for each.</summary>
    public static readonly IReadOnlyDictionary<string, string> CliTools = new Dictionary<string, string>
    {
        ["claude"] = "claude",
        ["gemini"] = "gemini",
        ["cursor"] = "cursor-agent",
    };

    /// <summary>The secret each provider needs at run time: azd parameter name and the worker's environment variable.</summary>
    public static readonly IReadOnlyDictionary<string, (string Parameter, string Variable)> ApiKeys =
        new Dictionary<string, (string, string)>
        {
            ["claude"] = ("anthropic-api-key", "ANTHROPIC_API_KEY"),
            ["gemini"] = ("gemini-api-key", "GEMINI_API_KEY"),
            ["cursor"] = ("cursor-api-key", "CURSOR_API_KEY"),
            ["openai"] = ("openai-api-key", "OPENAI_API_KEY"),
        };

    /// <summary>The OpenAI-compatible endpoint's address (not a secret): azd parameter and environment variable.</summary>
    public static readonly (string Parameter, string Variable) OpenAIBaseUrl = ("openai-base-url", "OPENAI_BASE_URL");

    /// <summary>The command-line tools to install, space-separated, for the Dockerfile's <c>AI_TOOLS</c> argument.</summary>
    public string ToolsArgument => string.Join(' ', Names.Where(CliTools.ContainsKey));

    /// <summary>Reads the list the way the API does: separated by commas, spaces or semicolons, case-insensitive.</summary>
    public static DeployedAiProviders From(IConfiguration configuration) =>
        new([.. (configuration[Setting] ?? "")
            .Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => name.ToLowerInvariant())
            .Distinct()]);
}

using Docsfy.Worker.Ai.Cli;
using Docsfy.Worker.Ai.Http;

namespace Docsfy.Worker.Ai;

/// <summary>Settings of the AI providers, bound from the <c>Ai</c> configuration section.</summary>
public sealed class AiOptions
{
    public const string SectionName = "Ai";

    /// <summary>Per command-line tool settings by provider name: <c>Ai:Cli:claude:Path</c>, <c>Ai:Cli:claude:Arguments</c>.</summary>
    public Dictionary<string, CliToolOptions> Cli { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The OpenAI-compatible HTTP endpoint (<c>Ai:OpenAI:*</c>, or <c>OPENAI_BASE_URL</c>/<c>OPENAI_API_KEY</c>).</summary>
    public OpenAiOptions OpenAI { get; set; } = new();

    /// <summary>A CLI answer larger than this fails the call: a runaway tool must not exhaust the worker's memory.</summary>
    public int MaxOutputBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How much of a tool's standard error is kept (its tail) for error messages.</summary>
    public int MaxErrorBytes { get; set; } = 64 * 1024;
}

using Docsfy.Contracts;

namespace Docsfy.Worker.Ai.Cli;

/// <summary>How one command-line tool is started: the prompt always goes to standard input, the answer comes from standard output.</summary>
/// <param name="Name">The provider name (<c>ai_provider</c>).</param>
/// <param name="Executable">Looked up on <c>PATH</c> unless <c>Ai:Cli:&lt;name&gt;:Path</c> says otherwise.</param>
/// <param name="Arguments">The argument template; <c>{model}</c> becomes the requested model.</param>
/// <param name="InstallHint">Shown when the executable is missing.</param>
/// <param name="Answer">How standard output carries the answer: plain text, or claude's JSON result with usage.</param>
public sealed record CliToolDefinition(string Name, string Executable, IReadOnlyList<string> Arguments, string InstallHint,
    CliAnswerFormat Answer = CliAnswerFormat.Text)
{
    public const string ModelPlaceholder = "{model}";

    // Each tool runs headless (print mode) and reads its prompt from the piped standard input; none is given
    // permission to edit files or run commands, since the prompt may carry text from the untrusted repository.
    //  claude:       -p (print mode; stdin is the prompt), JSON output: the answer plus its tokens and cost.
    //  gemini:       piped stdin without a TTY runs headless; --model picks the model.
    //  cursor-agent: -p (print mode), --trust (headless runs cannot answer the workspace-trust question).
    public static IReadOnlyList<CliToolDefinition> Defaults { get; } =
    [
        new(AiProviderName.Claude, "claude", ["-p", "--model", ModelPlaceholder, "--output-format", "json"],
            "Claude Code (npm install -g @anthropic-ai/claude-code)", CliAnswerFormat.ClaudeJson),
        new(AiProviderName.Gemini, "gemini", ["--model", ModelPlaceholder],
            "Gemini CLI (npm install -g @google/gemini-cli)"),
        new(AiProviderName.Cursor, "cursor-agent", ["-p", "--trust", "--model", ModelPlaceholder, "--output-format", "text"],
            "the Cursor CLI (cursor-agent)"),
    ];

    /// <summary>
    /// The arguments for one call. Without a model, a lone <c>{model}</c> argument and the option before it are left out,
    /// so the tool uses its own default instead of failing on an empty name.
    /// </summary>
    public IReadOnlyList<string> ArgumentsFor(string model)
    {
        var arguments = new List<string>(Arguments.Count);
        foreach (var argument in Arguments)
        {
            if (string.IsNullOrWhiteSpace(model) && argument == ModelPlaceholder)
            {
                if (arguments.Count > 0 && arguments[^1].StartsWith('-'))
                    arguments.RemoveAt(arguments.Count - 1);
                continue;
            }
            arguments.Add(argument.Replace(ModelPlaceholder, model, StringComparison.Ordinal));
        }
        return arguments;
    }
}

/// <summary>How a tool's standard output carries its answer.</summary>
public enum CliAnswerFormat
{
    /// <summary>The whole output is the answer; the tool reports no usage.</summary>
    Text,

    /// <summary><c>claude --output-format json</c>: a result object with the answer, tokens and cost.</summary>
    ClaudeJson,
}

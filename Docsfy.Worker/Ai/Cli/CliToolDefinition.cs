namespace Docsfy.Worker.Ai.Cli;

/// <summary>How one command-line tool is started: the prompt always goes to standard input, the answer comes from standard output.</summary>
/// <param name="Name">The provider name (<c>ai_provider</c>).</param>
/// <param name="Executable">Looked up on <c>PATH</c> unless <c>Ai:Cli:&lt;name&gt;:Path</c> says otherwise.</param>
/// <param name="Arguments">The argument template; <c>{model}</c> becomes the requested model.</param>
/// <param name="InstallHint">Shown when the executable is missing.</param>
public sealed record CliToolDefinition(string Name, string Executable, IReadOnlyList<string> Arguments, string InstallHint)
{
    public const string ModelPlaceholder = "{model}";

    // Each tool runs headless (print mode) and reads its prompt from the piped standard input; none is given
    // permission to edit files or run commands, since the prompt may carry text from the untrusted repository.
    //  claude:       -p (print mode; stdin is the prompt), text output.
    //  gemini:       piped stdin without a TTY runs headless; --model picks the model.
    //  cursor-agent: -p (print mode), --trust (headless runs cannot answer the workspace-trust question).
    public static IReadOnlyList<CliToolDefinition> Defaults { get; } =
    [
        new("claude", "claude", ["-p", "--model", ModelPlaceholder, "--output-format", "text"],
            "Claude Code (npm install -g @anthropic-ai/claude-code)"),
        new("gemini", "gemini", ["--model", ModelPlaceholder],
            "Gemini CLI (npm install -g @google/gemini-cli)"),
        new("cursor", "cursor-agent", ["-p", "--trust", "--model", ModelPlaceholder, "--output-format", "text"],
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

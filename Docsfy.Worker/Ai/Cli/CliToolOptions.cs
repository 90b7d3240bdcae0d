namespace Docsfy.Worker.Ai.Cli;

/// <summary>Overrides for one command-line tool; unset values fall back to <see cref="CliToolDefinition"/>.</summary>
public sealed class CliToolOptions
{
    /// <summary>The executable: an absolute path, or a name looked up on <c>PATH</c>.</summary>
    public string? Path { get; set; }

    /// <summary>The argument template; <c>{model}</c> is replaced by the requested model.</summary>
    public string[]? Arguments { get; set; }
}

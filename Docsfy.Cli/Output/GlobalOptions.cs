using System.CommandLine;

namespace Docsfy.Cli.Output;

/// <summary>The options every command takes, declared once on the root and inherited (<see cref="Option.Recursive"/>).</summary>
public sealed class GlobalOptions
{
    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the API's JSON (one document; one line per event when watching) instead of text",
        Recursive = true,
    };

    public Option<string?> Profile { get; } = new("--profile")
    {
        Description = "The saved profile to use (default: the one docsfy login saved last)",
        Recursive = true,
    };
}

using System.Text.Json;
using Spectre.Console;

namespace Docsfy.Cli.Output;

/// <summary>
/// Where a command writes. Colours and animation only on a real terminal without <c>NO_COLOR</c>; piped output is
/// plain text a script or a CI log can read. Errors go to standard error so <c>--json</c> output stays parseable.
/// </summary>
public sealed class Terminal
{
    public Terminal(TextWriter output, TextWriter error, bool fancy, bool inputIsTerminal)
    {
        Fancy = fancy;
        InputIsTerminal = inputIsTerminal;
        Raw = output;
        Error = error;
        Out = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = fancy ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = fancy ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = fancy && inputIsTerminal ? InteractionSupport.Yes : InteractionSupport.No,
        });
    }

    /// <summary>Colours, live progress and prompts are allowed.</summary>
    public bool Fancy { get; }

    public bool InputIsTerminal { get; }

    public IAnsiConsole Out { get; }

    public TextWriter Raw { get; }

    public TextWriter Error { get; }

    public static Terminal FromProcess()
    {
        var noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var dumb = Environment.GetEnvironmentVariable("TERM") == "dumb";
        return new Terminal(Console.Out, Console.Error, !Console.IsOutputRedirected && !noColor && !dumb, !Console.IsInputRedirected);
    }

    /// <summary>One line of plain text; server text passes through untouched (never read as markup).</summary>
    public void Line(string text) => Out.Write(new Text(text + Environment.NewLine));

    /// <summary>One JSON document on one line, as <c>--json</c> promises.</summary>
    public void Json(JsonElement element)
    {
        Raw.WriteLine(JsonSerializer.Serialize(element));
        Raw.Flush();
    }

    public void Fail(string message)
    {
        Error.WriteLine($"docsfy: {message}");
        Error.Flush();
    }
}

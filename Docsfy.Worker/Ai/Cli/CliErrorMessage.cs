using System.Collections;
using System.Text;

namespace Docsfy.Worker.Ai.Cli;

/// <summary>Turns a tool's standard error into a short, single-line message that is safe to show users.</summary>
internal static class CliErrorMessage
{
    private const int MaxLength = 500;

    public static string Tail(string standardError)
    {
        var text = Redact(standardError);
        var builder = new StringBuilder(text.Length);
        foreach (var character in text)
            builder.Append(char.IsControl(character) || char.IsWhiteSpace(character) ? ' ' : character);
        var singleLine = string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return singleLine.Length <= MaxLength ? singleLine : "…" + singleLine[^MaxLength..];
    }

    // A tool may echo its own credentials (e.g. a rejected API key) into its error output.
    private static string Redact(string text)
    {
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            if (variable.Key is string name && variable.Value is string { Length: >= 8 } value && LooksSecret(name))
                text = text.Replace(value, "***", StringComparison.Ordinal);
        }
        return text;
    }

    private static bool LooksSecret(string name) =>
        ChildEnvironment.IsSecret(name)
        || name.Contains("KEY", StringComparison.OrdinalIgnoreCase)
        || name.Contains("TOKEN", StringComparison.OrdinalIgnoreCase);
}

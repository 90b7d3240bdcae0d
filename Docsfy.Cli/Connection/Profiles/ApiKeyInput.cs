using Docsfy.Cli.Output;
using Spectre.Console;

namespace Docsfy.Cli.Connection.Profiles;

/// <summary>
/// Reads an API key from standard input, the environment or a hidden prompt, never from the command line: arguments
/// are visible to every user of the machine (ps, /proc) and land in shell history.
/// </summary>
public static class ApiKeyInput
{
    /// <summary>Longer than any key docsfy issues or accepts; more is not a key.</summary>
    private const int MaxKeyLength = 1024;

    public static async Task<string> ReadAsync(CommandContext context, bool fromStandardInput, string prompt, CancellationToken cancellationToken)
    {
        string? key;
        if (fromStandardInput)
        {
            key = await ReadLineBoundedAsync(Console.In, cancellationToken);
        }
        else if (context.Environment(ConnectionResolver.KeyVariable) is { Length: > 0 } fromEnvironment)
        {
            key = fromEnvironment;
        }
        else if (context.Terminal.InputIsTerminal && context.Terminal.Fancy)
        {
            key = await context.Terminal.Out.PromptAsync(new TextPrompt<string>(prompt).Secret(), cancellationToken);
        }
        else
        {
            throw new CliFailure(ExitCodes.Usage, $"No API key: pass --api-key-stdin and write it to standard input, or set {ConnectionResolver.KeyVariable}.");
        }
        key = key?.Trim();
        if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength || key.Any(char.IsControl))
        {
            throw new CliFailure(ExitCodes.Usage, "The API key is empty or not a key (one line of printable characters).");
        }
        return key;
    }

    private static async Task<string?> ReadLineBoundedAsync(TextReader reader, CancellationToken cancellationToken)
    {
        var buffer = new char[MaxKeyLength + 2];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await reader.ReadAsync(buffer.AsMemory(length, 1), cancellationToken);
            if (read == 0 || buffer[length] == '\n')
            {
                break;
            }
            length++;
        }
        return new string(buffer, 0, length);
    }
}

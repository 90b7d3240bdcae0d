namespace Docsfy.Cli.Connection;

/// <summary>
/// A failure the user is told about in one line, with the exit code a script can branch on. Its message must never
/// hold a key: it is printed as is.
/// </summary>
public sealed class CliFailure(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

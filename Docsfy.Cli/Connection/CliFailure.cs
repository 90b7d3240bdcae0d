namespace Docsfy.Cli.Connection;

/// <summary>
/// A failure the user is told about in one line, with the exit code a script can branch on. Its message must never
/// hold a key: it is printed as is.
/// </summary>
public sealed class CliFailure(int exitCode, string message, System.Net.HttpStatusCode? status = null) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    /// <summary>The HTTP status the server answered, when the failure is the server's answer.</summary>
    public System.Net.HttpStatusCode? Status { get; } = status;
}

using System.CommandLine;
using Docsfy.Cli.Connection;

namespace Docsfy.Cli.Output;

/// <summary>
/// Runs a command's handler and turns its failures into a one-line message and the documented exit code. Nothing
/// reaches the user as a stack trace.
/// </summary>
public static class CommandActions
{
    public static void SetHandler(this Command command, GlobalOptions globals, Func<CommandContext, CancellationToken, Task<int>> handler) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            var terminal = Terminal.FromProcess();
            using var context = new CommandContext(parse, globals, terminal, Environment.GetEnvironmentVariable);
            try
            {
                return await handler(context, cancellationToken);
            }
            catch (CliFailure failure)
            {
                terminal.Fail(failure.Message);
                return failure.ExitCode;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                terminal.Fail("Interrupted.");
                return ExitCodes.Interrupted;
            }
            catch (IOException exception)
            {
                terminal.Fail(exception.Message);
                return ExitCodes.RunFailed;
            }
            catch (UnauthorizedAccessException exception)
            {
                terminal.Fail(exception.Message);
                return ExitCodes.RunFailed;
            }
            catch (Exception exception) when (exception is KeyNotFoundException or InvalidOperationException or FormatException)
            {
                // A JSON answer without a field the API documents: a proxy or another server answered, not a Docsfy API.
                terminal.Fail($"The server's answer was not what docsfy expected ({exception.GetType().Name}); is it a Docsfy server?");
                return ExitCodes.Unreachable;
            }
        });
}

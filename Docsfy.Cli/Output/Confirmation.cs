using Docsfy.Cli.Connection;
using Spectre.Console;

namespace Docsfy.Cli.Output;

/// <summary>
/// Asks before something that cannot be undone. A script cannot answer a prompt, so without a terminal the command
/// must say <c>--yes</c> (exit 2) instead of waiting on an input that never comes.
/// </summary>
public static class Confirmation
{
    public static async Task<bool> ConfirmedAsync(CommandContext context, bool yes, string what, string question, CancellationToken cancellationToken)
    {
        if (yes)
        {
            return true;
        }
        if (!(context.Terminal.Fancy && context.Terminal.InputIsTerminal))
        {
            throw new CliFailure(ExitCodes.Usage, $"Not deleting {what} without asking: pass --yes.");
        }
        if (await context.Terminal.Out.ConfirmAsync(Markup.Escape(question), false, cancellationToken))
        {
            return true;
        }
        context.Terminal.Line("Nothing deleted.");
        return false;
    }
}

using System.CommandLine;
using Docsfy.Cli.Output;

namespace Docsfy.Cli.Connection.Profiles;

/// <summary><c>docsfy whoami</c>: who the current key authenticates as, and where.</summary>
public static class WhoAmICommand
{
    public static Command Create(GlobalOptions globals)
    {
        var command = new Command("whoami", "Show the user the current key belongs to");
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            var me = await context.Api.GetAsync("api/auth/me", cancellationToken);
            context.Report(me, $"{me.GetProperty("username").GetString()} ({me.GetProperty("role").GetString()}) at {context.Api.Connection}");
            return ExitCodes.Ok;
        });
        return command;
    }
}

using System.CommandLine;
using Docsfy.Cli.Output;

namespace Docsfy.Cli.Connection.Profiles;

/// <summary><c>docsfy logout</c>: forgets a profile's key (the key itself stays valid on the server).</summary>
public static class LogoutCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var command = new Command("logout", "Remove a saved profile and its key from this machine");
        command.SetHandler(globals, (context, _) =>
        {
            var file = context.Profiles.Load();
            var name = context.ProfileName ?? file.Default ?? ProfileStore.DefaultProfileName;
            if (!file.Profiles.Remove(name))
            {
                throw new CliFailure(ExitCodes.NotFound, $"No profile named '{name}'.");
            }
            if (file.Default == name)
            {
                file.Default = file.Profiles.Keys.Order(StringComparer.Ordinal).FirstOrDefault();
            }
            context.Profiles.Save(file);
            context.Terminal.Line($"Removed profile '{name}'.");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}

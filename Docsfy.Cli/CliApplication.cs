using System.CommandLine;
using Docsfy.Cli.Admin;
using Docsfy.Cli.Connection;
using Docsfy.Cli.Connection.Profiles;
using Docsfy.Cli.Output;
using Docsfy.Cli.Projects;
using Docsfy.Cli.Refresh;
using Docsfy.Cli.Runs;

namespace Docsfy.Cli;

/// <summary>The command tree: one line per command, each built in its feature folder.</summary>
public static class CliApplication
{
    public static RootCommand Build()
    {
        var globals = new GlobalOptions();
        var root = new RootCommand("docsfy: documentation websites from git repositories, from a terminal or a CI job")
        {
            globals.Json,
            globals.Profile,
            LoginCommand.Create(globals),
            LogoutCommand.Create(globals),
            ProfilesCommand.Create(globals),
            WhoAmICommand.Create(globals),
            RotateOwnKeyCommand.Create(globals),
            GenerateCommand.Create(globals),
            WatchCommand.Create(globals),
            AbortCommand.Create(globals),
            ListCommand.Create(globals),
            StatusCommand.Create(globals),
            DeleteCommand.Create(globals),
            DownloadCommand.Create(globals),
            OpenCommand.Create(globals),
            ModelsCommand.Create(globals),
            UsersCommand.Create(globals),
            AccessCommand.Create(globals),
            RefreshCommand.Create(globals),
            CredentialsCommand.Create(globals),
        };
        return root;
    }

    /// <summary>Parses and runs; a command line that does not parse is exit 2, as documented.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var parse = Build().Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
            // Ctrl+C cancels the command's token; --abort-on-cancel then needs time for its (bounded) abort request.
            ProcessTerminationTimeout = ApiClient.RequestTimeout + TimeSpan.FromSeconds(5),
        };
        var exitCode = await parse.InvokeAsync(configuration);
        return parse.Errors.Count > 0 ? ExitCodes.Usage : exitCode;
    }
}

using System.CommandLine;
using System.Diagnostics;
using Docsfy.Cli.Connection;
using Docsfy.Cli.Output;

namespace Docsfy.Cli.Projects;

/// <summary>
/// <c>docsfy open</c>: prints the docs URL and, on a terminal, opens it in the browser. The URL never carries the key:
/// the browser logs in with its own session.
/// </summary>
public static class OpenCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var variant = new VariantOptions();
        var noBrowser = new Option<bool>("--no-browser") { Description = "Only print the URL" };
        var command = new Command("open", "Print a project's docs URL and open it in the browser") { noBrowser };
        variant.AddTo(command);
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            var filter = variant.Read(context);
            var server = context.Api.Connection.BaseUrl;
            Uri url;
            if (filter.NamesProjectOnly)
            {
                // Checks that the project is there and visible before printing a link that would only 404.
                await context.Api.GetAsync(ApiPaths.Project(filter.Name), cancellationToken);
                url = DocsUrl.Newest(server, filter.Name, filter.Owner);
            }
            else
            {
                var found = await filter.ResolveAsync(context.Api, cancellationToken);
                var me = await context.Api.GetAsync("api/auth/me", cancellationToken);
                url = DocsUrl.For(server, VariantId.FromRecord(found), VariantId.Text(me, "username"));
            }
            context.Report(new { url = url.AbsoluteUri }, url.AbsoluteUri);
            if (!context.Value(noBrowser) && context.Terminal.Fancy && context.Terminal.InputIsTerminal)
            {
                TryOpenBrowser(url);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void TryOpenBrowser(Uri url)
    {
        var opener = OperatingSystem.IsMacOS() ? "open" : OperatingSystem.IsWindows() ? "explorer" : "xdg-open";
        try
        {
            // The argument is the docs URL alone (no key), passed as one argument without a shell.
            using var process = Process.Start(new ProcessStartInfo(opener) { ArgumentList = { url.AbsoluteUri }, UseShellExecute = false });
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No browser opener on this machine: the printed URL is the answer.
        }
    }
}

using System.CommandLine;
using Docsfy.Cli.Connection;
using Docsfy.Cli.Output;
using Docsfy.Cli.Projects;

namespace Docsfy.Cli.Runs;

/// <summary><c>docsfy abort</c>: stops a running generation (the project's one running variant, or the one named).</summary>
public static class AbortCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var variant = new VariantOptions();
        var command = new Command("abort", "Abort a running generation");
        variant.AddTo(command);
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            var filter = variant.Read(context);
            var path = filter.NamesProjectOnly
                ? ApiPaths.WithOwner($"{ApiPaths.Project(filter.Name)}/abort", filter.Owner)
                : await VariantPathAsync(context, filter, cancellationToken);
            var aborted = await context.Api.PostAsync(path, null, cancellationToken);
            context.Report(aborted, $"Aborted {VariantId.FromRecord(aborted)}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<string> VariantPathAsync(CommandContext context, VariantFilter filter, CancellationToken cancellationToken)
    {
        var id = VariantId.FromRecord(await filter.ResolveAsync(context.Api, cancellationToken));
        return ApiPaths.WithOwner($"{ApiPaths.Variant(id)}/abort", id.Owner);
    }
}

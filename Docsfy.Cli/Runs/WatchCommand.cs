using System.CommandLine;
using System.Text.Json;
using Docsfy.Cli.Connection;
using Docsfy.Cli.Output;
using Docsfy.Cli.Projects;
using Docsfy.Cli.Runs.Watch;

namespace Docsfy.Cli.Runs;

/// <summary><c>docsfy watch</c>: attaches to a run already going (or reports how the named variant's last run ended).</summary>
public static class WatchCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var variant = new VariantOptions();
        var watchOptions = new WatchOptions();
        var command = new Command("watch", "Follow a running generation live until it ends (exit 0 when ready, 1 on error or abort)");
        variant.AddTo(command);
        watchOptions.AddTo(command);
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            var filter = variant.Read(context);
            var target = await RunToWatchAsync(context.Api, filter, cancellationToken);
            var run = VariantId.FromRecord(target);
            var view = RunWatching.ViewFor(context, run);
            await using var follower = new RunFollower(context.Api, WatchLimits.Default(context.Value(watchOptions.Timeout)));
            await follower.OpenAsync(cancellationToken);
            return await RunWatching.UntilEndAsync(context, follower, view, run, target.GetProperty("generation_id").GetString()!,
                useFirstSync: true, context.Value(watchOptions.AbortOnCancel), cancellationToken);
        });
        return command;
    }

    /// <summary>The one generating variant the filter names, else the one variant it names whatever its state.</summary>
    private static async Task<JsonElement> RunToWatchAsync(ApiClient api, VariantFilter filter, CancellationToken cancellationToken)
    {
        var project = await api.GetAsync(ApiPaths.Project(filter.Name), cancellationToken);
        var matching = project.GetProperty("variants").EnumerateArray().Where(filter.Matches).ToList();
        var generating = matching.Where(v => VariantId.Text(v, "status") == "generating").ToList();
        return (generating.Count, matching.Count) switch
        {
            (1, _) => generating[0],
            (0, 1) => matching[0],
            (0, 0) => throw new CliFailure(ExitCodes.NotFound, $"No variant of {filter.Name} matches."),
            (0, _) => throw new CliFailure(ExitCodes.NotFound, $"Nothing of {filter.Name} is generating; name a variant with --branch, --provider and --model to see how its last run ended."),
            _ => throw new CliFailure(ExitCodes.Conflict, $"{generating.Count} runs of {filter.Name} are generating; narrow with --branch, --provider, --model or --owner."),
        };
    }
}

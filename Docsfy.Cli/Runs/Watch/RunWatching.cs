using Docsfy.Cli.Connection;
using Docsfy.Cli.Output;
using Docsfy.Cli.Projects;

namespace Docsfy.Cli.Runs.Watch;

/// <summary>Watching a run to its end, shared by <c>generate --watch</c> and <c>watch</c>: the view, Ctrl+C and the exit code.</summary>
public static class RunWatching
{
    public static IRunView ViewFor(CommandContext context, VariantId run) =>
        context.Json ? new JsonRunView(context.Terminal)
        : context.Terminal.Fancy ? new LiveRunView(context.Terminal, $"{run.Name} {run.Branch} {run.Provider}/{run.Model}")
        : new PlainRunView(context.Terminal);

    /// <summary>Follows the run; 0 when it ends ready, 1 when it ends in error or aborted, 130 when the user stops watching.</summary>
    public static async Task<int> UntilEndAsync(CommandContext context, RunFollower follower, IRunView view, VariantId run,
        string generationId, bool useFirstSync, bool abortOnCancel, CancellationToken cancellationToken)
    {
        RunState end;
        try
        {
            end = await view.ShowAsync(() => follower.FollowAsync(run, generationId, useFirstSync, view, cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            if (!abortOnCancel)
            {
                context.Terminal.Fail($"Stopped watching; the run goes on. Follow it again with: docsfy watch {run.Name} "
                                      + $"--branch {run.Branch} --provider {run.Provider} --model {run.Model} --owner {run.Owner}");
                return ExitCodes.Interrupted;
            }
            // The user's token is cancelled: the abort gets its own, bounded by the API client's time limit.
            var aborted = await context.Api.PostAsync(ApiPaths.WithOwner($"{ApiPaths.Variant(run)}/abort", run.Owner), null, CancellationToken.None);
            context.Report(aborted, $"Aborted {run}.");
            return ExitCodes.RunFailed;
        }
        var me = end.Status == "ready" ? VariantId.Text(await context.Api.GetAsync("api/auth/me", cancellationToken), "username") : null;
        view.Finished(end, end.Status == "ready" ? DocsUrl.For(context.Api.Connection.BaseUrl, run, me) : null);
        return end.Status == "ready" ? ExitCodes.Ok : ExitCodes.RunFailed;
    }
}

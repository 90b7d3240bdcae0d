using System.CommandLine;
using System.Text.Json.Nodes;
using Docsfy.Cli.Connection;
using Docsfy.Cli.Output;
using Docsfy.Cli.Projects;
using Docsfy.Cli.Runs.Watch;

namespace Docsfy.Cli.Runs;

/// <summary><c>docsfy generate</c>: starts a run (<c>POST /api/generate</c>) and, with <c>--watch</c>, follows it to its end.</summary>
public static class GenerateCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var repository = new Argument<string?>("repository") { Description = "The repository URL (https://, http://, ssh://, git@host:owner/repo)", Arity = ArgumentArity.ZeroOrOne };
        var path = new Option<string?>("--path") { Description = "A repository on the server's disk instead of a URL (admins)" };
        var branch = new Option<string?>("--branch", "-b") { Description = "The branch (default: main)" };
        var provider = new Option<string?>("--provider", "-p") { Description = "The AI provider (default: the server's)" };
        var model = new Option<string?>("--model", "-m") { Description = "The AI model (default: the provider's)" };
        var force = new Option<bool>("--force") { Description = "Regenerate everything, reusing and replacing nothing" };
        var repoType = new Option<string?>("--repo-type") { Description = "The repository type, as the server knows it" };
        var aiTimeout = new Option<int?>("--ai-timeout") { Description = "Minutes each AI call may take" };
        var watch = new Option<bool>("--watch", "-w") { Description = "Follow the run live until it ends (exit 0 when ready, 1 on error or abort)" };
        var watchOptions = new WatchOptions();
        var command = new Command("generate", "Document a repository") { repository, path, branch, provider, model, force, repoType, aiTimeout, watch };
        watchOptions.AddTo(command);
        command.Validators.Add(result =>
        {
            if ((result.GetValue(repository) is null) == (result.GetValue(path) is null))
            {
                result.AddError("Name the repository: its URL or --path, one of the two.");
            }
        });
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            var body = new JsonObject();
            if (context.Value(repository) is { } url)
            {
                body["repo_url"] = url;
            }
            if (context.Value(path) is { } serverPath)
            {
                body["repo_path"] = serverPath;
            }
            if (context.Value(branch) is { } b) body["branch"] = b;
            if (context.Value(provider) is { } p) body["ai_provider"] = p;
            if (context.Value(model) is { } m) body["ai_model"] = m;
            if (context.Value(force)) body["force"] = true;
            if (context.Value(repoType) is { } t) body["repo_type"] = t;
            if (context.Value(aiTimeout) is { } minutes) body["ai_cli_timeout"] = minutes;

            if (!context.Value(watch))
            {
                var started = await context.Api.PostAsync("api/generate", body, cancellationToken);
                if (context.Json)
                {
                    context.Terminal.Json(started);
                }
                else
                {
                    var run = VariantId.FromRecord(started);
                    context.Terminal.Line($"Started {run}. Follow it with: docsfy watch {run.Name} --branch {run.Branch} --provider {run.Provider} --model {run.Model}");
                }
                return ExitCodes.Ok;
            }

            // The hub first, then the run: every event of the run reaches this socket, even of a run that takes a second.
            var follower = new RunFollower(context.Api, WatchLimits.Default(context.Value(watchOptions.Timeout)));
            await using (follower)
            {
                await follower.OpenAsync(cancellationToken);
                var answer = await context.Api.PostAsync("api/generate", body, cancellationToken);
                var run = VariantId.FromRecord(answer);
                var view = RunWatching.ViewFor(context, run);
                view.Message(answer);
                if (!context.Json)
                {
                    context.Terminal.Line($"Started {run}.");
                }
                return await RunWatching.UntilEndAsync(context, follower, view, run, answer.GetProperty("generation_id").GetString()!,
                    useFirstSync: false, context.Value(watchOptions.AbortOnCancel), cancellationToken);
            }
        });
        return command;
    }
}

using System.CommandLine;
using System.Text.Json;
using Docsfy.Cli.Connection;
using Docsfy.Cli.Output;
using Docsfy.Cli.Projects;
using Spectre.Console;

namespace Docsfy.Cli.Refresh;

/// <summary>
/// <c>docsfy refresh</c>: a project's refresh settings (docs/design/refresh.md §2), the owner's or an admin's
/// (<c>--owner</c>). A webhook secret is printed only by the command that created or rotated it, alone on its line.
/// </summary>
public static class RefreshCommand
{
    public static Command Create(GlobalOptions globals) => new("refresh", "A project's refresh on push and on a schedule (owner or admin)")
    {
        Show(globals), Set(globals), RotateSecret(globals),
    };

    private static Command Show(GlobalOptions globals)
    {
        var (project, owner) = Parts();
        var command = new Command("show", "Show a project's refresh settings and webhook URL (never the secret)") { project, owner };
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            var settings = await context.Api.GetAsync(Route(context, project, owner), cancellationToken);
            Print(context, settings);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Set(GlobalOptions globals)
    {
        var (project, owner) = Parts();
        var interval = new Option<int?>("--interval")
        {
            Description = "Check the branch every this many minutes and run when it moved (the server's minimum, often 15, to 10080 = 7 days)",
            // Parsed here rather than validated after: a validator reading a value that did not convert throws.
            CustomParser = result =>
            {
                if (result.Tokens is [var token] && int.TryParse(token.Value, System.Globalization.NumberStyles.None,
                        System.Globalization.CultureInfo.InvariantCulture, out var minutes) && minutes > 0)
                {
                    return minutes;
                }
                result.AddError("--interval is a positive whole number of minutes.");
                return null;
            },
        };
        var noSchedule = new Option<bool>("--no-schedule") { Description = "Turn the schedule off" };
        var onPush = new Option<bool?>("--on-push") { Description = "true: a verified push to a followed branch starts a run; false: pushes are ignored" };
        var variants = new Option<string?>("--variants") { Description = "Which variants follow their branch: all, or branch/provider/model items separated by commas" };
        variants.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } text && VariantSpecs.Parse(text).Problem is { } problem)
            {
                result.AddError(problem);
            }
        });
        var command = new Command("set", "Change a project's refresh settings (what is not given stays); the first set creates its webhook")
        {
            project, owner, interval, noSchedule, onPush, variants,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(interval) is not null && result.GetValue(noSchedule))
            {
                result.AddError("--interval and --no-schedule cannot be used together.");
            }
            else if (result.GetResult(interval) is null && !result.GetValue(noSchedule) && result.GetResult(onPush) is null
                     && result.GetResult(variants) is null)
            {
                result.AddError("Nothing to change: give --interval, --no-schedule, --on-push or --variants.");
            }
        });
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            var changes = new RefreshChanges(context.Parse.GetValue(interval), context.Value(noSchedule), context.Parse.GetValue(onPush),
                context.Parse.GetValue(variants) is { } text ? VariantSpecs.Parse(text).Value : null);
            var route = Route(context, project, owner);
            var current = await context.Api.GetAsync(route, cancellationToken);
            var saved = await context.Api.SendAsync(HttpMethod.Put, route, changes.ApplyTo(current), cancellationToken);
            Print(context, saved);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command RotateSecret(GlobalOptions globals)
    {
        var (project, owner) = Parts();
        var command = new Command("rotate-secret", "Give a project's webhook a new secret, shown once (the old one stops working)") { project, owner };
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            var rotated = await context.Api.PostAsync(Route(context, project, owner, "/rotate-secret"), null, cancellationToken);
            Print(context, rotated);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Route(CommandContext context, Argument<string> project, Option<string?> owner, string action = "") =>
        ApiPaths.WithOwner($"{ApiPaths.Project(context.Value(project))}/refresh{action}", context.Value(owner));

    /// <summary>The answer as JSON, or as lines; a secret in it (just created or rotated) alone on its line, said to be shown once.</summary>
    private static void Print(CommandContext context, JsonElement settings)
    {
        if (context.Json)
        {
            context.Terminal.Json(settings);
            return;
        }
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        foreach (var (label, value) in RefreshText.Describe(settings))
        {
            grid.AddRow(new Text(label, new Style(decoration: Decoration.Bold)), new Text(value));
        }
        context.Terminal.Out.Write(grid);
        if (settings.TryGetProperty("webhook_secret", out var secret) && secret.GetString() is { } shownOnce)
        {
            context.Terminal.Line("Webhook secret (shown once: copy it now, it won't be shown again; give it to your host with the URL):");
            context.Terminal.Line(shownOnce);
        }
    }

    private static (Argument<string> Project, Option<string?> Owner) Parts() => (
        new Argument<string>("project") { Description = "The project name" },
        new Option<string?>("--owner") { Description = "The project's owner (admins, for another user's project)" });
}

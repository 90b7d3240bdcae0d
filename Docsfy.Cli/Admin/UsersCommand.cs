using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Docsfy.Cli.Connection;
using Docsfy.Cli.Output;
using Docsfy.Cli.Projects;
using Spectre.Console;

namespace Docsfy.Cli.Admin;

/// <summary><c>docsfy users</c>: the admin's user management (<c>/api/admin/users</c>).</summary>
public static class UsersCommand
{
    private static readonly string[] Roles = ["admin", "user", "viewer"];

    public static Command Create(GlobalOptions globals) => new("users", "Manage users (admins)")
    {
        List(globals), CreateUser(globals), Delete(globals), Role(globals), RotateKey(globals),
    };

    private static Command List(GlobalOptions globals)
    {
        var command = new Command("list", "List the users");
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            var answer = await context.Api.GetAsync("api/admin/users", cancellationToken);
            if (context.Json)
            {
                context.Terminal.Json(answer);
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("user", "role", "created");
            foreach (var user in answer.GetProperty("users").EnumerateArray())
            {
                table.AddRow(new Text(VariantId.Text(user, "username") ?? ""), new Text(VariantId.Text(user, "role") ?? ""),
                    new Text(VariantId.Text(user, "created_at") ?? ""));
            }
            context.Terminal.Out.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateUser(GlobalOptions globals)
    {
        var username = new Argument<string>("username");
        var role = new Option<string>("--role") { Description = "admin, user or viewer", DefaultValueFactory = _ => "user" };
        role.AcceptOnlyFromAmong(Roles);
        var command = new Command("create", "Create a user; their API key is shown once") { username, role };
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            var created = await context.Api.PostAsync("api/admin/users",
                new JsonObject { ["username"] = context.Value(username), ["role"] = context.Value(role) }, cancellationToken);
            ShowKey(context, created, "api_key", $"Created {VariantId.Text(created, "username")} ({VariantId.Text(created, "role")}). API key (shown once):");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Delete(GlobalOptions globals)
    {
        var username = new Argument<string>("username");
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask first" };
        var command = new Command("delete", "Delete a user with their sessions, variants and grants") { username, yes };
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            var name = context.Value(username);
            if (!await Confirmation.ConfirmedAsync(context, context.Value(yes), name, $"Delete {name} with all their variants and grants?", cancellationToken))
            {
                return ExitCodes.Ok;
            }
            await context.Api.SendAsync(HttpMethod.Delete, $"api/admin/users/{ApiPaths.Segment(name)}", null, cancellationToken);
            context.Report(new { deleted = name }, $"Deleted {name}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Role(GlobalOptions globals)
    {
        var username = new Argument<string>("username");
        var role = new Argument<string>("role") { Description = "admin, user or viewer" };
        role.AcceptOnlyFromAmong(Roles);
        var command = new Command("role", "Change a user's role") { username, role };
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            var changed = await context.Api.SendAsync(HttpMethod.Patch, $"api/admin/users/{ApiPaths.Segment(context.Value(username))}",
                new JsonObject { ["role"] = context.Value(role) }, cancellationToken);
            context.Report(changed, $"{VariantId.Text(changed, "username")} is now {VariantId.Text(changed, "role")}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command RotateKey(GlobalOptions globals)
    {
        var username = new Argument<string>("username");
        var command = new Command("rotate-key", "Give a user a new API key (ends their sessions); shown once") { username };
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            var rotated = await context.Api.PostAsync($"api/admin/users/{ApiPaths.Segment(context.Value(username))}/rotate-key", null, cancellationToken);
            ShowKey(context, rotated, "new_api_key", $"New API key for {VariantId.Text(rotated, "username")} (shown once):");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A new key goes to standard output alone on its line, so it can be piped; it is never logged anywhere else.</summary>
    private static void ShowKey(CommandContext context, JsonElement answer, string property, string heading)
    {
        if (context.Json)
        {
            context.Terminal.Json(answer);
            return;
        }
        context.Terminal.Line(heading);
        context.Terminal.Line(VariantId.Text(answer, property) ?? "");
    }
}

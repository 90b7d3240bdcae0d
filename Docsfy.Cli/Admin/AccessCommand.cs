using System.CommandLine;
using System.Text.Json.Nodes;
using Docsfy.Cli.Connection;
using Docsfy.Cli.Output;
using Docsfy.Cli.Projects;

namespace Docsfy.Cli.Admin;

/// <summary><c>docsfy access</c>: sharing a project (name and owner) with other users (admins).</summary>
public static class AccessCommand
{
    public static Command Create(GlobalOptions globals) => new("access", "Share projects with users (admins)")
    {
        Grant(globals), List(globals), Revoke(globals),
    };

    private static Command Grant(GlobalOptions globals)
    {
        var (project, owner, user) = Parts();
        var command = new Command("grant", "Let a user see every variant of a project of one owner") { project, owner, user };
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            var granted = await context.Api.PostAsync($"api/admin/projects/{ApiPaths.Segment(context.Value(project))}/access",
                new JsonObject { ["username"] = context.Value(user), ["owner"] = context.Value(owner) }, cancellationToken);
            context.Report(granted, $"{context.Value(user)} can now see {context.Value(project)} of {context.Value(owner)}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(GlobalOptions globals)
    {
        var (project, owner, _) = Parts();
        var command = new Command("list", "List who a project of one owner is shared with") { project, owner };
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            var access = await context.Api.GetAsync(
                ApiPaths.WithOwner($"api/admin/projects/{ApiPaths.Segment(context.Value(project))}/access", context.Value(owner)), cancellationToken);
            if (context.Json)
            {
                context.Terminal.Json(access);
                return ExitCodes.Ok;
            }
            var users = access.GetProperty("users").EnumerateArray().Select(u => u.GetString()).ToList();
            context.Terminal.Line(users.Count == 0
                ? $"{context.Value(project)} of {context.Value(owner)} is shared with nobody."
                : $"{context.Value(project)} of {context.Value(owner)} is shared with: {string.Join(", ", users)}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Revoke(GlobalOptions globals)
    {
        var (project, owner, user) = Parts();
        var command = new Command("revoke", "Stop sharing a project with a user") { project, owner, user };
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            await context.Api.SendAsync(HttpMethod.Delete, ApiPaths.WithOwner(
                $"api/admin/projects/{ApiPaths.Segment(context.Value(project))}/access/{ApiPaths.Segment(context.Value(user))}", context.Value(owner)),
                null, cancellationToken);
            context.Report(new { revoked = context.Value(user), project = context.Value(project), owner = context.Value(owner) },
                $"{context.Value(user)} no longer sees {context.Value(project)} of {context.Value(owner)}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static (Argument<string> Project, Option<string> Owner, Option<string> User) Parts() => (
        new Argument<string>("project") { Description = "The project name" },
        new Option<string>("--owner") { Description = "The project's owner", Required = true },
        new Option<string>("--user") { Description = "The user to share it with", Required = true });
}

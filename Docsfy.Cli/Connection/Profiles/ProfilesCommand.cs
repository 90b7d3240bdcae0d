using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Docsfy.Cli.Output;
using Spectre.Console;

namespace Docsfy.Cli.Connection.Profiles;

/// <summary><c>docsfy profiles</c>: the saved profiles, without their keys.</summary>
public static class ProfilesCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var command = new Command("profiles", "List the saved profiles (never their keys)");
        command.SetHandler(globals, (context, _) =>
        {
            var file = context.Profiles.Load();
            var rows = file.Profiles.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
            if (context.Json)
            {
                var list = new JsonArray([.. rows.Select(p => (JsonNode)new JsonObject
                {
                    ["name"] = p.Key, ["url"] = p.Value.Url, ["username"] = p.Value.Username, ["default"] = p.Key == file.Default,
                })]);
                context.Terminal.Json(JsonSerializer.SerializeToElement(new JsonObject { ["profiles"] = list }));
                return Task.FromResult(ExitCodes.Ok);
            }
            var table = new Table().AddColumns("profile", "server", "user", "default");
            foreach (var (name, profile) in rows)
            {
                table.AddRow(new Text(name), new Text(profile.Url), new Text(profile.Username), new Text(name == file.Default ? "*" : ""));
            }
            context.Terminal.Out.Write(table);
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}

using System.CommandLine;
using System.Text.Json.Nodes;
using Docsfy.Cli.Output;

namespace Docsfy.Cli.Connection.Profiles;

/// <summary>
/// <c>docsfy rotate-key</c>: a new key for oneself, shown once and stored in the profile in use, so the next command
/// still works. With the key from the environment there is no profile to update: the caller must store it.
/// </summary>
public static class RotateOwnKeyCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var chosen = new Option<bool>("--new-key-stdin") { Description = "Read the new key (at least 16 characters) from standard input instead of a random one" };
        var command = new Command("rotate-key", "Replace your own API key (ends your sessions); the new key is shown once") { chosen };
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            var body = new JsonObject();
            if (context.Value(chosen))
            {
                body["new_key"] = await ApiKeyInput.ReadAsync(context, fromStandardInput: true, "New API key:", cancellationToken);
            }
            var api = context.Api;
            var answer = await api.PostAsync("api/auth/rotate-key", body, cancellationToken);
            var newKey = answer.GetProperty("new_api_key").GetString()!;

            var file = context.Profiles.Load();
            var stored = context.Environment(ConnectionResolver.KeyVariable) is not { Length: > 0 }
                         && file.Profiles.TryGetValue(context.ProfileName ?? file.Default ?? ProfileStore.DefaultProfileName, out var profile)
                         && ServerUrl.Parse(profile.Url, "The profile") == api.Connection.BaseUrl;
            if (stored)
            {
                var name = context.ProfileName ?? file.Default ?? ProfileStore.DefaultProfileName;
                file.Profiles[name] = file.Profiles[name] with { ApiKey = newKey };
                context.Profiles.Save(file);
            }
            if (context.Json)
            {
                context.Terminal.Json(answer);
            }
            else
            {
                context.Terminal.Line($"New API key for {answer.GetProperty("username").GetString()} (shown once):");
                context.Terminal.Line(newKey);
                context.Terminal.Line(stored
                    ? "Saved in your profile. Your old key no longer works."
                    : $"Your old key no longer works: update {ConnectionResolver.KeyVariable} wherever you set it.");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}

using System.CommandLine;
using System.Text.Json;
using Docsfy.Cli.Output;

namespace Docsfy.Cli.Connection.Profiles;

/// <summary><c>docsfy login</c>: checks a key with <c>/api/auth/me</c> and saves it as a profile.</summary>
public static class LoginCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var url = new Option<string?>("--url") { Description = $"The server, e.g. http://localhost:8000 (default: {ConnectionResolver.UrlVariable})" };
        var username = new Option<string?>("--username", "-u") { Description = "Refuse the key unless it is this user's" };
        var keyFromStdin = new Option<bool>("--api-key-stdin") { Description = "Read the API key from standard input (it is never an argument)" };
        var command = new Command("login", "Check an API key against a server and save it as a profile") { url, username, keyFromStdin };
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            var address = context.Value(url) ?? context.Environment(ConnectionResolver.UrlVariable)
                ?? throw new CliFailure(ExitCodes.Usage, $"Name the server with --url (or {ConnectionResolver.UrlVariable}).");
            var server = ServerUrl.Parse(address, "--url");
            var key = await ApiKeyInput.ReadAsync(context, context.Value(keyFromStdin), "API key:", cancellationToken);

            using var api = new ApiClient(new ServerConnection(server, key, "login"));
            JsonElement me;
            try
            {
                me = await api.GetAsync("api/auth/me", cancellationToken);
            }
            catch (CliFailure failure) when (failure.Status == System.Net.HttpStatusCode.Unauthorized)
            {
                // The server's words are for requests; at login, what went wrong is the key itself.
                throw new CliFailure(ExitCodes.Auth, $"{server} refused this API key (wrong or revoked); nothing was saved.");
            }
            var who = me.GetProperty("username").GetString()!;
            if (context.Value(username) is { } expected && !string.Equals(expected, who, StringComparison.OrdinalIgnoreCase))
            {
                throw new CliFailure(ExitCodes.Auth, $"This key belongs to {who}, not {expected}; nothing was saved.");
            }

            var name = context.ProfileName ?? ProfileStore.DefaultProfileName;
            var file = context.Profiles.Load();
            file.Profiles[name] = new Profile(server.ToString(), who, key);
            file.Default = name;
            context.Profiles.Save(file);

            context.Report(me, $"Logged in to {server} as {who} ({me.GetProperty("role").GetString()}); saved as profile '{name}' in {context.Profiles.Path}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}

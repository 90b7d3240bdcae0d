using System.CommandLine;
using System.Text.Json.Nodes;
using Docsfy.Cli.Connection;
using Docsfy.Cli.Output;

namespace Docsfy.Cli.Projects;

/// <summary>
/// <c>docsfy credentials show|set|delete</c>: a private repository's token or deploy key (owner or admin). A token is
/// never an argument (it would be in the shell's history and in every process listing): it comes from standard input
/// (<c>--token-stdin</c>, like <c>login --api-key-stdin</c>) or <c>DOCSFY_REPO_TOKEN</c>; a key comes from its file.
/// </summary>
public static class CredentialsCommand
{
    public const string TokenVariable = "DOCSFY_REPO_TOKEN";

    public static Command Create(GlobalOptions globals) => new("credentials", "A private repository's token or deploy key (owner or admin)")
    {
        Show(globals), Set(globals), Delete(globals),
    };

    private static Command Show(GlobalOptions globals)
    {
        var (project, owner) = Parts();
        var command = new Command("show", "What is set: kind, username, when, fingerprint (never the secret)") { project, owner };
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            var shown = await context.Api.GetAsync(PathOf(context, project, owner), cancellationToken);
            context.Report(shown, Describe(context.Value(project), shown));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Set(GlobalOptions globals)
    {
        var (project, owner) = Parts();
        var username = new Option<string?>("--username") { Description = "HTTPS username, for a token" };
        var tokenStdin = new Option<bool>("--token-stdin") { Description = $"Read the token from standard input (else from {TokenVariable})" };
        var sshKey = new Option<FileInfo?>("--ssh-key") { Description = "An unencrypted OpenSSH private key file (a deploy key)" };
        var knownHosts = new Option<FileInfo?>("--known-hosts") { Description = "known_hosts lines the host's key must match (with --ssh-key)" };
        var command = new Command("set", "Set a project's HTTPS token (--username) or ssh deploy key (--ssh-key)")
        {
            project, owner, username, tokenStdin, sshKey, knownHosts,
        };
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            var body = await BodyAsync(context, context.Value(username), context.Value(tokenStdin), context.Value(sshKey),
                context.Value(knownHosts), cancellationToken);
            var set = await context.Api.SendAsync(HttpMethod.Put, PathOf(context, project, owner), body, cancellationToken);
            context.Report(set, Describe(context.Value(project), set));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Delete(GlobalOptions globals)
    {
        var (project, owner) = Parts();
        var command = new Command("delete", "Remove a project's credentials") { project, owner };
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            await context.Api.SendAsync(HttpMethod.Delete, PathOf(context, project, owner), null, cancellationToken);
            context.Report(new { deleted = context.Value(project) }, $"{context.Value(project)} has no credentials any more.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<JsonObject> BodyAsync(CommandContext context, string? username, bool tokenStdin, FileInfo? sshKey,
        FileInfo? knownHosts, CancellationToken cancellationToken)
    {
        if ((username is null) == (sshKey is null))
        {
            throw new CliFailure(ExitCodes.Usage, "Give either --username (with a token) or --ssh-key <file>.");
        }
        if (sshKey is not null)
        {
            if (tokenStdin)
            {
                throw new CliFailure(ExitCodes.Usage, "--token-stdin goes with --username, not --ssh-key.");
            }
            return new JsonObject
            {
                ["kind"] = "ssh_key",
                ["private_key"] = await ReadFileAsync(sshKey, cancellationToken),
                ["known_hosts"] = knownHosts is null ? null : await ReadFileAsync(knownHosts, cancellationToken),
            };
        }
        if (knownHosts is not null)
        {
            throw new CliFailure(ExitCodes.Usage, "--known-hosts goes with --ssh-key.");
        }
        var token = tokenStdin ? (await Console.In.ReadLineAsync(cancellationToken))?.Trim() : context.Environment(TokenVariable);
        if (string.IsNullOrEmpty(token))
        {
            throw new CliFailure(ExitCodes.Usage, $"No token: give --token-stdin and pipe it in, or set {TokenVariable}.");
        }
        return new JsonObject { ["kind"] = "https_token", ["username"] = username, ["token"] = token };
    }

    private static async Task<string> ReadFileAsync(FileInfo file, CancellationToken cancellationToken)
    {
        // Far above any key or known_hosts file: the server refuses more anyway, this only keeps a wrong path cheap.
        const long limit = 64 * 1024;
        if (!file.Exists || file.Length > limit)
        {
            throw new CliFailure(ExitCodes.Usage, $"{file.FullName} does not exist or is larger than {limit} bytes.");
        }
        return await File.ReadAllTextAsync(file.FullName, cancellationToken);
    }

    private static string Describe(string project, System.Text.Json.JsonElement shown) =>
        $"{project}: {shown.GetProperty("kind").GetString()}"
        + (shown.TryGetProperty("username", out var user) ? $" (username {user.GetString()})" : "")
        + $", set {shown.GetProperty("set_at").GetString()} UTC, fingerprint {shown.GetProperty("fingerprint").GetString()}";

    private static string PathOf(CommandContext context, Argument<string> project, Option<string?> owner) =>
        ApiPaths.WithOwner($"{ApiPaths.Project(context.Value(project))}/credentials", context.Value(owner));

    private static (Argument<string> Project, Option<string?> Owner) Parts() => (
        new Argument<string>("project") { Description = "The project name" },
        new Option<string?>("--owner") { Description = "The project's owner (admins, for another user's project)" });
}

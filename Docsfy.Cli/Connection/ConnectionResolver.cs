using Docsfy.Cli.Connection.Profiles;

namespace Docsfy.Cli.Connection;

/// <summary>
/// Decides which server and key a command uses: <c>DOCSFY_URL</c> and <c>DOCSFY_API_KEY</c> override the profile, so a
/// CI job needs no file at all.
/// </summary>
public sealed class ConnectionResolver(ProfileStore store, Func<string, string?> environment)
{
    public const string UrlVariable = "DOCSFY_URL";
    public const string KeyVariable = "DOCSFY_API_KEY";

    public ServerConnection Resolve(string? profileName)
    {
        var envUrl = NonEmpty(environment(UrlVariable));
        var envKey = NonEmpty(environment(KeyVariable));
        if (envUrl is not null && envKey is not null && profileName is null)
        {
            return new ServerConnection(ServerUrl.Parse(envUrl, UrlVariable), envKey, "environment");
        }

        var file = store.Load();
        var name = profileName ?? file.Default ?? ProfileStore.DefaultProfileName;
        if (!file.Profiles.TryGetValue(name, out var profile))
        {
            if (envUrl is not null)
            {
                throw new CliFailure(ExitCodes.Auth, $"{UrlVariable} is set but {KeyVariable} is not; set both, or run: docsfy login");
            }
            throw new CliFailure(ExitCodes.Auth, profileName is null && file.Profiles.Count == 0
                ? $"Not logged in: run docsfy login, or set {UrlVariable} and {KeyVariable}."
                : $"No profile named '{name}': run docsfy login --profile {name}");
        }

        var url = ServerUrl.Parse(profile.Url, $"The profile '{name}'");
        if (envUrl is not null)
        {
            var overridden = ServerUrl.Parse(envUrl, UrlVariable);
            // The profile's key belongs to the profile's server: never send it to another one named by the environment.
            if (envKey is null && overridden != url)
            {
                throw new CliFailure(ExitCodes.Auth, $"{UrlVariable} names another server than profile '{name}'; set {KeyVariable} too.");
            }
            url = overridden;
        }
        return new ServerConnection(url, envKey ?? profile.ApiKey, envKey is null ? $"profile {name}" : $"profile {name}, key from {KeyVariable}");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

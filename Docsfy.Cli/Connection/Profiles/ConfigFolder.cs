namespace Docsfy.Cli.Connection.Profiles;

/// <summary>Where the profile file lives: <c>$XDG_CONFIG_HOME/docsfy</c>, else the platform's user config folder.</summary>
public static class ConfigFolder
{
    public static string ProfilesPath(Func<string, string?> environment)
    {
        var xdg = environment("XDG_CONFIG_HOME");
        // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
        var root = !string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)
            ? xdg
            : OperatingSystem.IsWindows()
                ? Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData)
                : Path.Combine(environment("HOME") is { Length: > 0 } home ? home : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return Path.Combine(root, "docsfy", "profiles.json");
    }
}

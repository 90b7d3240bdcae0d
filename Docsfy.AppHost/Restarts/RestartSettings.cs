using Microsoft.Extensions.Configuration;

namespace Docsfy.AppHost.Restarts;

/// <summary>
/// The restart settings of one resource, read from its section of the app host's configuration (for the worker,
/// <c>Worker:RestartOnExit</c> and <c>Worker:RestartBackoffCap</c>; README, Configuration).
/// </summary>
public static class RestartSettings
{
    /// <summary>true (the default) or false.</summary>
    public const string Enabled = "RestartOnExit";

    /// <summary>The longest wait between two restarts in a row, a TimeSpan such as <c>00:00:30</c>.</summary>
    public const string BackoffCap = "RestartBackoffCap";

    /// <summary>The policy the settings ask for, or null when restarting is off.</summary>
    public static RestartPolicy? From(IConfiguration section)
    {
        if (!Read(section, Enabled, bool.TryParse, true))
        {
            return null;
        }
        var defaults = new RestartPolicy();
        var cap = Read(section, BackoffCap, (string? text, out TimeSpan value) =>
            TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out value), defaults.MaxDelay);
        try
        {
            return (defaults with { MaxDelay = cap }).Validated();
        }
        catch (ArgumentException exception)
        {
            throw new InvalidOperationException($"{Key(section, BackoffCap)}: {exception.Message}", exception);
        }
    }

    private delegate bool Parser<TValue>(string? text, out TValue value);

    private static TValue Read<TValue>(IConfiguration section, string key, Parser<TValue> parse, TValue fallback)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        return parse(text.Trim(), out var value)
            ? value
            : throw new InvalidOperationException($"{Key(section, key)} has the value '{text}', which is not a valid {typeof(TValue).Name}.");
    }

    private static string Key(IConfiguration section, string key) =>
        section is IConfigurationSection named ? $"{named.Path}:{key}" : key;
}

using System.Text.Json;

namespace Docsfy.Cli.Refresh;

/// <summary>A project's refresh settings (a GET, PUT or rotate answer) as label and value lines, in the dashboard's words.</summary>
public static class RefreshText
{
    public static IReadOnlyList<(string Label, string Value)> Describe(JsonElement settings)
    {
        var lines = new List<(string, string)>
        {
            ("project", $"{settings.GetProperty("project").GetString()} (owner {settings.GetProperty("owner").GetString()})"),
            ("schedule", Schedule(settings.GetProperty("interval_minutes"))),
            ("on push", settings.GetProperty("on_push").GetBoolean() ? "on" : "off"),
            ("variants", settings.GetProperty("variants") is { ValueKind: JsonValueKind.Array } chosen
                ? string.Join(", ", chosen.EnumerateArray().Select(v => v.GetString()))
                : "all"),
            ("webhook URL", settings.GetProperty("webhook_url").GetString() ?? "none yet: the first `docsfy refresh set` creates it"),
        };
        void Optional(string label, string property)
        {
            if (settings.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String)
            {
                lines.Add((label, $"{value.GetString()} UTC"));
            }
        }
        Optional("secret made", "secret_rotated_at");
        Optional("next check", "next_check_at");
        Optional("last checked", "last_checked_at");
        return lines;
    }

    /// <summary>"off", or "every 60 minutes" (a run only when the branch moved).</summary>
    public static string Schedule(JsonElement intervalMinutes) => intervalMinutes.ValueKind == JsonValueKind.Number
        ? $"every {intervalMinutes.GetInt32()} minute{(intervalMinutes.GetInt32() == 1 ? "" : "s")} (a run only when the branch moved)"
        : "off";
}

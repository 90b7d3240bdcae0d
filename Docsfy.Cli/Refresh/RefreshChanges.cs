using System.Text.Json;
using System.Text.Json.Nodes;

namespace Docsfy.Cli.Refresh;

/// <summary>
/// What <c>docsfy refresh set</c> was asked to change. The API replaces the settings whole on each PUT, so the body is
/// the current settings with only these changes applied: an option not given keeps its value.
/// </summary>
/// <param name="IntervalMinutes">A new schedule, in minutes.</param>
/// <param name="NoSchedule">Turn the schedule off.</param>
/// <param name="OnPush">Turn push refresh on or off.</param>
/// <param name="Variants">A new <c>variants</c> value (see <see cref="VariantSpecs"/>).</param>
public sealed record RefreshChanges(int? IntervalMinutes, bool NoSchedule, bool? OnPush, JsonNode? Variants)
{
    public bool IsEmpty => IntervalMinutes is null && !NoSchedule && OnPush is null && Variants is null;

    /// <summary>The PUT body: <paramref name="current"/> (a GET answer) with these changes.</summary>
    public JsonObject ApplyTo(JsonElement current)
    {
        JsonNode? interval = IntervalMinutes is { } minutes ? JsonValue.Create(minutes)
            : NoSchedule ? null
            : current.GetProperty("interval_minutes") is { ValueKind: JsonValueKind.Number } stored ? JsonValue.Create(stored.GetInt32()) : null;
        return new JsonObject
        {
            ["interval_minutes"] = interval,
            ["on_push"] = OnPush ?? current.GetProperty("on_push").GetBoolean(),
            ["variants"] = Variants?.DeepClone() ?? JsonNode.Parse(current.GetProperty("variants").GetRawText()),
        };
    }
}

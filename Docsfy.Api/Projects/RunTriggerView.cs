using System.Text.Json.Serialization;

namespace Docsfy.Api.Projects;

/// <summary>
/// Who or what started the variant's current (or last) run, as REST reads of one variant show it (<c>trigger</c>):
/// <c>{"kind": "user", "username": "alice"}</c>, <c>{"kind": "push", "delivery_id": "…"}</c> or
/// <c>{"kind": "schedule"}</c>. Absent for runs recorded before triggers were.
/// </summary>
public sealed record RunTriggerView(
    string Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Username,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DeliveryId)
{
    public static RunTriggerView? From(string? kind, string? detail) => kind switch
    {
        null => null,
        "user" => new RunTriggerView(kind, detail, null),
        "push" => new RunTriggerView(kind, null, detail),
        _ => new RunTriggerView(kind, null, null),
    };
}

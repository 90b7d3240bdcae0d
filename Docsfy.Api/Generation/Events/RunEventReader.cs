using System.Diagnostics;
using System.Text.Json;
using Docsfy.Contracts;

namespace Docsfy.Api.Generation.Events;

/// <summary>
/// Reads a worker event from a MassTransit envelope (<c>application/vnd.masstransit+json</c>: the message under
/// <c>message</c>, its type as <c>urn:message:…</c> names under <c>messageType</c>). Anything else, and any event that
/// breaks <see cref="GenerationEventRules"/>, is refused with a reason that names no content. The sender's trace context
/// comes from the envelope's <c>headers</c>: MassTransit writes its send span's W3C id (<c>00-trace-span-flags</c>) as
/// <see cref="ActivityIdHeader"/>.
/// </summary>
public static class RunEventReader
{
    /// <summary>MassTransit's header for the sending activity's id (<c>DiagnosticHeaders.ActivityId</c>).</summary>
    public const string ActivityIdHeader = "MT-Activity-Id";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly string ProgressType = Urn<GenerationProgressed>();
    private static readonly string FinishedType = Urn<GenerationFinished>();
    private static readonly string HeartbeatType = Urn<GenerationHeartbeat>();
    private static readonly string HandedBackType = Urn<GenerationHandedBack>();

    /// <summary>The event, or null with <paramref name="problem"/> saying why it cannot be applied.</summary>
    public static RunEvent? Read(ReadOnlyMemory<byte> body, ulong deliveryTag, out string? problem)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("messageType", out var types) || types.ValueKind != JsonValueKind.Array)
            {
                problem = "not a MassTransit envelope";
                return null;
            }
            var trace = TraceContextOf(root);
            foreach (var type in types.EnumerateArray())
            {
                var name = type.ValueKind == JsonValueKind.String ? type.GetString() : null;
                if (name == ProgressType)
                {
                    var progress = message.Deserialize<GenerationProgressed>(Json);
                    problem = progress is null || !HasIdentity(progress.Variant, progress.RunId) ? "incomplete progress"
                        : GenerationEventRules.Problem(progress);
                    return problem is null ? new RunEvent(deliveryTag, Progress: progress, TraceContext: trace) : null;
                }
                if (name == FinishedType)
                {
                    var finished = message.Deserialize<GenerationFinished>(Json);
                    problem = finished is null || !HasIdentity(finished.Variant, finished.RunId) ? "incomplete terminal status"
                        : GenerationEventRules.Problem(finished);
                    return problem is null ? new RunEvent(deliveryTag, Finished: finished, TraceContext: trace) : null;
                }
                if (name == HeartbeatType)
                {
                    var heartbeat = message.Deserialize<GenerationHeartbeat>(Json);
                    problem = heartbeat is null || heartbeat.RunId == Guid.Empty ? "incomplete heartbeat"
                        : heartbeat.Attempt <= 0 ? "non-positive attempt" : null;
                    return problem is null ? new RunEvent(deliveryTag, Heartbeat: heartbeat, TraceContext: trace) : null;
                }
                if (name == HandedBackType)
                {
                    var handedBack = message.Deserialize<GenerationHandedBack>(Json);
                    problem = handedBack is null || handedBack.RunId == Guid.Empty ? "incomplete hand-back"
                        : GenerationEventRules.Problem(handedBack);
                    return problem is null ? new RunEvent(deliveryTag, HandedBack: handedBack, TraceContext: trace) : null;
                }
            }
            problem = "unknown message type";
            return null;
        }
        catch (JsonException)
        {
            problem = "malformed JSON";
            return null;
        }
    }

    /// <summary>The sender's span, or default when the header is missing or not a W3C trace parent.</summary>
    private static ActivityContext TraceContextOf(JsonElement envelope) =>
        envelope.TryGetProperty("headers", out var headers) && headers.ValueKind == JsonValueKind.Object
        && headers.TryGetProperty(ActivityIdHeader, out var id) && id.ValueKind == JsonValueKind.String
        && ActivityContext.TryParse(id.GetString(), traceState: null, isRemote: true, out var context)
            ? context
            : default;

    /// <summary>System.Text.Json leaves a missing record member null even when the type says otherwise.</summary>
    private static bool HasIdentity(VariantKey? variant, Guid runId) =>
        runId != Guid.Empty && variant is { Name: not null, Branch: not null, Provider: not null, Model: not null, Owner: not null };

    private static string Urn<T>() => $"urn:message:{typeof(T).Namespace}:{typeof(T).Name}";
}

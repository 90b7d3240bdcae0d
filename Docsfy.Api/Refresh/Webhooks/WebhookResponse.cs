using System.Text.Json.Serialization;

namespace Docsfy.Api.Refresh.Webhooks;

/// <summary>
/// The answer to a verified delivery: what it did for each variant following a pushed branch (nothing for a ping, a
/// non-push event, an unfollowed branch, or when push refresh is off; <see cref="Detail"/> says which).
/// </summary>
public sealed record WebhookResponse(string Detail, IReadOnlyList<WebhookRun> Runs);

/// <param name="Result"><c>started</c>, <c>queued</c> (a follow-up after the running run) or <c>refused</c> (with <see cref="Reason"/>).</param>
public sealed record WebhookRun(
    string Branch,
    string AiProvider,
    string AiModel,
    string Result,
    [property: JsonPropertyName("generation_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? RunId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason);

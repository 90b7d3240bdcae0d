using System.Text.Json;
using System.Text.Json.Serialization;
using Docsfy.Api.Projects;
using Docsfy.Contracts;

namespace Docsfy.Api.Hub;

/// <summary>The JSON messages of the WebSocket reference, serialized once per event and shared by every recipient.</summary>
public static class HubPayloads
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // The default encoder writes every '"' inside plan_json as \u0022, half again the size of a plan-heavy sync.
        // These payloads are parsed as JSON, never embedded in HTML, so only JSON's own escaping is needed.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly byte[] Ping = "{\"type\":\"ping\"}"u8.ToArray();

    public static byte[] Sync(ProjectSnapshot snapshot) => JsonSerializer.SerializeToUtf8Bytes(
        new SyncMessage("sync", snapshot.Projects, snapshot.KnownModels, snapshot.KnownBranches), Json);

    public static string Progress(GenerationProgressed progress) => JsonSerializer.Serialize(new ProgressMessage(
        "progress", progress.Variant.Name, progress.Variant.Branch, progress.Variant.Provider, progress.Variant.Model,
        progress.Variant.Owner, VariantStatus.Generating, progress.Stage, progress.PageCount, progress.PlanJson,
        progress.ErrorMessage), Json);

    public static string StatusChange(GenerationFinished finished, string? lastGenerated, string? lastCommitSha) =>
        JsonSerializer.Serialize(new StatusChangeMessage(
            "status_change", finished.Variant.Name, finished.Variant.Branch, finished.Variant.Provider, finished.Variant.Model,
            finished.Variant.Owner, finished.Status, finished.PageCount,
            finished.Status == VariantStatus.Ready ? lastGenerated : null, lastCommitSha, finished.ErrorMessage), Json);

    private sealed record SyncMessage(
        string Type,
        IReadOnlyList<VariantView> Projects,
        IReadOnlyDictionary<string, IReadOnlyList<string>> KnownModels,
        IReadOnlyDictionary<string, IReadOnlyList<string>> KnownBranches);

    private sealed record ProgressMessage(
        string Type, string Name, string Branch, string Provider, string Model, string Owner, string Status,
        string CurrentStage, int PageCount, string? PlanJson, string? ErrorMessage);

    private sealed record StatusChangeMessage(
        string Type, string Name, string Branch, string Provider, string Model, string Owner, string Status,
        int PageCount, string? LastGenerated, string? LastCommitSha, string? ErrorMessage);
}

using System.Text.Json;

namespace Docsfy.Cli.Projects;

/// <summary>What names a variant everywhere in the API: project, branch, provider, model and owner.</summary>
public sealed record VariantId(string Name, string Branch, string Provider, string Model, string Owner)
{
    /// <summary>From a REST variant or a <c>sync.projects[]</c> record (which say <c>ai_provider</c>/<c>ai_model</c>).</summary>
    public static VariantId FromRecord(JsonElement variant) => new(
        Text(variant, "name") ?? Text(variant, "project") ?? "", Text(variant, "branch") ?? "main",
        Text(variant, "ai_provider") ?? "", Text(variant, "ai_model") ?? "", Text(variant, "owner") ?? "");

    /// <summary>Whether a hub <c>progress</c> or <c>status_change</c> (which say <c>provider</c>/<c>model</c>) is about this variant.</summary>
    public bool IsSubjectOf(JsonElement message) =>
        Text(message, "name") == Name && Text(message, "branch") == Branch && Text(message, "provider") == Provider
        && Text(message, "model") == Model && string.Equals(Text(message, "owner"), Owner, StringComparison.OrdinalIgnoreCase);

    public bool Is(JsonElement record) =>
        Text(record, "name") == Name && Text(record, "branch") == Branch && Text(record, "ai_provider") == Provider
        && Text(record, "ai_model") == Model && string.Equals(Text(record, "owner"), Owner, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{Name} {Branch} {Provider}/{Model} ({Owner})";

    internal static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}

using System.Text.Json;

namespace Docsfy.Cli.Projects;

/// <summary>How a variant reads in a list or a status line.</summary>
public static class VariantText
{
    public static string Status(JsonElement variant)
    {
        var status = VariantId.Text(variant, "status") ?? "unknown";
        var stage = VariantId.Text(variant, "current_stage");
        return status == "generating" && stage is not null ? $"generating ({Stages.Label(stage)})" : status;
    }

    public static string Pages(JsonElement variant)
    {
        var written = variant.TryGetProperty("page_count", out var count) && count.ValueKind == JsonValueKind.Number ? count.GetInt32() : 0;
        var status = VariantId.Text(variant, "status");
        if (status is "error" or "aborted")
        {
            return "";
        }
        var total = PlanSize.Pages(VariantId.Text(variant, "plan_json"));
        return status == "generating" && total is { } planned && Stages.PlanIsThisRuns(VariantId.Text(variant, "current_stage"))
            ? $"{Math.Min(written, planned)}/{planned}"
            : written.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

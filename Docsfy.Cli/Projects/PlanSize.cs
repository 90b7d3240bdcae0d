using System.Text.Json;

namespace Docsfy.Cli.Projects;

/// <summary>The number of pages a plan lists (<c>navigation[].pages[]</c>), or null when there is no readable plan.</summary>
public static class PlanSize
{
    public static int? Pages(string? planJson)
    {
        if (string.IsNullOrEmpty(planJson))
        {
            return null;
        }
        try
        {
            using var plan = JsonDocument.Parse(planJson);
            if (plan.RootElement.ValueKind != JsonValueKind.Object
                || !plan.RootElement.TryGetProperty("navigation", out var navigation) || navigation.ValueKind != JsonValueKind.Array)
            {
                return null;
            }
            return navigation.EnumerateArray()
                .Sum(group => group.ValueKind == JsonValueKind.Object && group.TryGetProperty("pages", out var pages)
                              && pages.ValueKind == JsonValueKind.Array ? pages.GetArrayLength() : 0);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

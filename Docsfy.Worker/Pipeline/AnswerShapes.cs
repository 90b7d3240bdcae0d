using System.Text.Json;
using Docsfy.Worker.Ai;

namespace Docsfy.Worker.Pipeline;

/// <summary>The small JSON answers of the validating and cross-linking stages, read leniently and bounded.</summary>
public static class AnswerShapes
{
    private const int MaxItems = 200;
    private const int MaxItemLength = 200;

    /// <summary><c>["a", "b"]</c>, or null when the answer holds no JSON array. Non-strings are ignored.</summary>
    public static IReadOnlyList<string>? StringArray(string? answer) =>
        AiJson.Extract(answer, JsonValueKind.Array) is { } array ? Strings(array) : null;

    /// <summary><c>{"slug": ["other", ...]}</c>, or null when the answer holds no JSON object.</summary>
    public static Dictionary<string, List<string>>? SlugMap(string? answer)
    {
        if (AiJson.Extract(answer, JsonValueKind.Object) is not { } map)
        {
            return null;
        }
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var entry in map.EnumerateObject().Take(MaxItems))
        {
            if (entry.Value.ValueKind == JsonValueKind.Array)
            {
                result[entry.Name] = Strings(entry.Value);
            }
        }
        return result;
    }

    private static List<string> Strings(JsonElement array) =>
    [
        .. array.EnumerateArray()
            .Where(item => item.ValueKind == JsonValueKind.String)
            .Select(item => item.GetString()!.Trim())
            .Where(item => item.Length is > 0 and <= MaxItemLength)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxItems),
    ];
}

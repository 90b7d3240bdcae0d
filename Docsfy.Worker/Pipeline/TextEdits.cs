using System.Text.Json;
using Docsfy.Worker.Ai;

namespace Docsfy.Worker.Pipeline;

/// <summary>One exact replacement an AI proposes for a page: <see cref="Old"/> must occur in the page exactly once.</summary>
public sealed record TextEdit(string Old, string New);

/// <summary>
/// Targeted page updates: the AI answers <c>{"replacements": [{"old": "...", "new": "..."}]}</c> instead of a whole page.
/// Edits are applied only when every old text occurs exactly once and no two overlap; anything else is refused, and the
/// page is then written in full, since a half-applied edit would leave the page inconsistent.
/// </summary>
public static class TextEdits
{
    public const int MaxEdits = 100;

    /// <summary>
    /// The edits of an answer shaped as a replacements object; null when the answer is not such an object (it may be a
    /// whole page). An object whose replacements are malformed yields an empty list with <paramref name="malformed"/> set.
    /// </summary>
    public static IReadOnlyList<TextEdit>? Parse(string? answer, out bool malformed)
    {
        malformed = false;
        if (AiJson.Extract(answer, JsonValueKind.Object) is not { } json
            || !json.TryGetProperty("replacements", out var replacements))
        {
            return null;
        }
        var edits = new List<TextEdit>();
        if (replacements.ValueKind != JsonValueKind.Array || replacements.GetArrayLength() > MaxEdits)
        {
            malformed = true;
            return edits;
        }
        foreach (var item in replacements.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object
                || !item.TryGetProperty("old", out var old) || old.ValueKind != JsonValueKind.String
                || !item.TryGetProperty("new", out var replacement) || replacement.ValueKind != JsonValueKind.String)
            {
                malformed = true;
                return [];
            }
            edits.Add(new TextEdit(old.GetString()!, replacement.GetString()!));
        }
        return edits;
    }

    /// <summary>The text with every edit applied, or null when an old text is empty, missing, repeated or overlapping.</summary>
    public static string? TryApply(string text, IReadOnlyList<TextEdit> edits)
    {
        var located = new List<(int Start, TextEdit Edit)>(edits.Count);
        foreach (var edit in edits)
        {
            if (edit.Old.Length == 0)
                return null;
            var first = text.IndexOf(edit.Old, StringComparison.Ordinal);
            if (first < 0 || text.IndexOf(edit.Old, first + 1, StringComparison.Ordinal) >= 0)
                return null;
            located.Add((first, edit));
        }
        located.Sort((a, b) => a.Start.CompareTo(b.Start));
        for (var i = 1; i < located.Count; i++)
        {
            if (located[i - 1].Start + located[i - 1].Edit.Old.Length > located[i].Start)
                return null;
        }
        var result = new System.Text.StringBuilder(text.Length);
        var position = 0;
        foreach (var (start, edit) in located)
        {
            result.Append(text, position, start - position).Append(edit.New);
            position = start + edit.Old.Length;
        }
        return result.Append(text, position, text.Length - position).ToString();
    }
}

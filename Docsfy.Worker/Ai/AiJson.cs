using System.Text.Json;
using System.Text.RegularExpressions;

namespace Docsfy.Worker.Ai;

/// <summary>
/// Finds the JSON in an AI answer, which is untrusted text: models wrap JSON in prose, Markdown fences and reasoning
/// blocks. Tried in order: fenced blocks labelled json, other fenced blocks, the whole answer, then each balanced
/// <c>{...}</c> or <c>[...]</c> in the prose (bracket matching that skips brackets inside strings), never a value nested
/// in a larger JSON value.
/// </summary>
public static partial class AiJson
{
    // Each start in the prose costs a scan to its matching bracket; bounded so a huge answer of stray brackets stays cheap.
    private const int MaxProseCandidates = 32;

    private static readonly JsonDocumentOptions ParseOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    /// <summary>The first JSON value of the wanted kind (any object or array when null), or null when there is none.</summary>
    public static JsonElement? Extract(string? answer, JsonValueKind? expectedKind = null)
    {
        if (string.IsNullOrWhiteSpace(answer))
            return null;
        var text = StripThinking(answer);

        var fences = Fence().Matches(text);
        var fenced = fences.Where(IsJsonFence).Concat(fences.Where(fence => !IsJsonFence(fence)));
        foreach (var candidate in fenced.Select(fence => fence.Groups["body"].Value).Append(text))
        {
            if (TryParse(candidate, out var value) && IsWanted(value, expectedKind))
                return value;
        }
        return FromProse(text, expectedKind);
    }

    /// <summary>Removes reasoning blocks (<c>&lt;think&gt;</c>, <c>&lt;thinking&gt;</c>) that some models put before the answer.</summary>
    public static string StripThinking(string answer)
    {
        var text = ThinkBlock().Replace(answer, "");
        // A model whose chat template opens the block itself prints only the closing tag.
        var lastClose = ThinkClose().Matches(text).LastOrDefault();
        if (lastClose is not null)
            text = text[(lastClose.Index + lastClose.Length)..];
        return ThinkOpen().Replace(text, "");
    }

    private static JsonElement? FromProse(string text, JsonValueKind? expectedKind)
    {
        var attempts = 0;
        var start = text.IndexOfAny(['{', '[']);
        while (start >= 0 && attempts++ < MaxProseCandidates)
        {
            var next = start + 1;
            var end = MatchingBracket(text, start);
            if (end > start && TryParse(text[start..(end + 1)], out var value))
            {
                if (IsWanted(value, expectedKind))
                    return value;
                // A whole JSON value of the wrong kind: what is inside it belongs to it (["a"] in {"unchanged": ["a"]}
                // is not an answer), so look after it.
                next = end + 1;
            }
            start = next < text.Length ? text.IndexOfAny(['{', '['], next) : -1;
        }
        return null;
    }

    private static bool IsWanted(JsonElement value, JsonValueKind? expectedKind) =>
        expectedKind is { } kind ? value.ValueKind == kind : value.ValueKind is JsonValueKind.Object or JsonValueKind.Array;

    private static bool IsJsonFence(Match fence) =>
        fence.Groups["lang"].Value.Equals("json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The index of the bracket closing the one at <paramref name="start"/>, or -1; brackets in strings do not count.</summary>
    internal static int MatchingBracket(string text, int start)
    {
        var expected = new Stack<char>();
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                    i++;
                else if (c == '"')
                    inString = false;
                continue;
            }
            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{':
                    expected.Push('}');
                    break;
                case '[':
                    expected.Push(']');
                    break;
                case '}' or ']':
                    if (expected.Count == 0 || expected.Pop() != c)
                        return -1;
                    if (expected.Count == 0)
                        return i;
                    break;
            }
        }
        return -1;
    }

    private static bool TryParse(string candidate, out JsonElement value)
    {
        value = default;
        var trimmed = candidate.Trim();
        if (trimmed.Length == 0 || (trimmed[0] != '{' && trimmed[0] != '['))
            return false;
        try
        {
            using var document = JsonDocument.Parse(trimmed, ParseOptions);
            value = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"<think(?:ing)?>.*?</think(?:ing)?>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ThinkBlock();

    [GeneratedRegex(@"</think(?:ing)?>", RegexOptions.IgnoreCase)]
    private static partial Regex ThinkClose();

    [GeneratedRegex(@"<think(?:ing)?>", RegexOptions.IgnoreCase)]
    private static partial Regex ThinkOpen();

    [GeneratedRegex(@"```[ \t]*(?<lang>[A-Za-z0-9_+-]*)[^\n]*\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Fence();
}

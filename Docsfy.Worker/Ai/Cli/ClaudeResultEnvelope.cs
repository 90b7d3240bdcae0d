using System.Text.Json;

namespace Docsfy.Worker.Ai.Cli;

/// <summary>
/// Reads the answer of <c>claude -p --output-format json</c>: one object whose <c>result</c> is the answer, with
/// <c>is_error</c>, <c>total_cost_usd</c> and <c>usage</c> (input, cache and output tokens) beside it, so a run knows
/// what each call cost. Output that is not such an object (an older tool, a wrapper script) is taken as the answer text.
/// </summary>
internal static class ClaudeResultEnvelope
{
    public static AiReply Read(string providerName, string output)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(output, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            return new AiReply(output);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type)
                || type.ValueKind != JsonValueKind.String || type.GetString() != "result")
            {
                return new AiReply(output);
            }
            var text = root.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.String
                ? result.GetString()!
                : null;
            if (root.TryGetProperty("is_error", out var isError) && isError.ValueKind == JsonValueKind.True)
            {
                throw new AiCallFailedException($"{providerName} reported an error: {CliErrorMessage.Tail(text ?? "no detail")}");
            }
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new AiCallFailedException($"{providerName} finished without an answer.");
            }
            return new AiReply(text, UsageOf(root));
        }
    }

    private static AiUsage? UsageOf(JsonElement root)
    {
        long? input = null, output = null;
        if (root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object)
        {
            // Cached prompt tokens are input tokens too (billed at other rates, which total_cost_usd accounts for).
            foreach (var name in new[] { "input_tokens", "cache_creation_input_tokens", "cache_read_input_tokens" })
            {
                if (Count(usage, name) is { } tokens)
                    input = (input ?? 0) + tokens;
            }
            output = Count(usage, "output_tokens");
        }
        decimal? cost = root.TryGetProperty("total_cost_usd", out var total) && total.ValueKind == JsonValueKind.Number
            && total.TryGetDecimal(out var dollars) && dollars >= 0 ? dollars : null;
        return input is null && output is null && cost is null ? null : new AiUsage(input, output, cost);
    }

    private static long? Count(JsonElement usage, string name) =>
        usage.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
        && value.TryGetInt64(out var count) && count >= 0 ? count : null;
}

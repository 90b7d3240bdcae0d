using System.Text.Json.Nodes;

namespace Docsfy.Cli.Refresh;

/// <summary>
/// <c>--variants</c> of <c>docsfy refresh set</c>: <c>all</c>, or <c>branch/provider/model</c> items separated by commas,
/// as the API names variants in refresh settings. The shape is checked here, before any request; whether the project has
/// each variant is the server's to say (a 400, exit 2).
/// </summary>
public static class VariantSpecs
{
    public const string All = "all";

    /// <summary>The API's <c>variants</c> value, or the problem with the text as one sentence.</summary>
    public static (JsonNode? Value, string? Problem) Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed == All)
        {
            return (JsonValue.Create(All), null);
        }
        var items = trimmed.Split(',', StringSplitOptions.TrimEntries);
        var list = new JsonArray();
        foreach (var item in items)
        {
            if (item.Split('/') is not [var branch, var provider, var model]
                || new[] { branch, provider, model }.Any(part => part.Length == 0 || part.Any(char.IsWhiteSpace)))
            {
                return (null, $"--variants is \"all\" or branch/provider/model items separated by commas; \"{item}\" is neither.");
            }
            if (!list.Any(existing => existing!.GetValue<string>() == item))
            {
                list.Add(item);
            }
        }
        return (list, null);
    }
}

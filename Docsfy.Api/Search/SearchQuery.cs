using System.Globalization;
using Docsfy.Api.Auth;
using Docsfy.Api.Projects;

namespace Docsfy.Api.Search;

/// <summary>
/// A validated search: the words (web-search syntax: <c>"a phrase"</c>, <c>-without</c>, <c>or</c>), which variants to
/// search (the caller's visible ones, narrowed by <see cref="Filter"/>), and how many hits to return.
/// </summary>
public sealed record SearchQuery(string Text, VariantFilter Filter, int Limit)
{
    public const int MaxTextLength = 200;
    public const int DefaultLimit = 10;
    public const int MaxLimit = 50;

    /// <summary>
    /// Checks every outside value once, for REST and MCP alike. Names are checked with the rules that made them, so a
    /// value no variant could have is a 400 rather than an empty answer that hides a typo.
    /// </summary>
    public static SearchQueryValidation Validate(string? text, string? project = null, string? branch = null,
        string? provider = null, string? model = null, string? owner = null, string? limit = null)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return SearchQueryValidation.Invalid("q", "Say what to search for (q).");
        }
        if (trimmed.Length > MaxTextLength)
        {
            return SearchQueryValidation.Invalid("q", $"The search text is longer than {MaxTextLength} characters.");
        }
        if (trimmed.Any(char.IsControl))
        {
            return SearchQueryValidation.Invalid("q", "The search text contains control characters.");
        }
        if (!trimmed.Any(char.IsLetterOrDigit))
        {
            return SearchQueryValidation.Invalid("q", "The search text has no letters or digits to look for.");
        }
        if (project is not null && !ProjectNames.IsValidName(project))
        {
            return SearchQueryValidation.Invalid("project", "Invalid project name.");
        }
        if (branch is not null && !ProjectNames.IsValidBranch(branch))
        {
            return SearchQueryValidation.Invalid("branch", "Invalid branch name.");
        }
        if (provider is not null && !VariantRoute.IsValidLabel(provider))
        {
            return SearchQueryValidation.Invalid("provider", "Invalid provider name.");
        }
        if (model is not null && !VariantRoute.IsValidLabel(model))
        {
            return SearchQueryValidation.Invalid("model", "Invalid model name.");
        }
        if (owner is not null && !Usernames.IsValid(owner))
        {
            return SearchQueryValidation.Invalid("owner", "Invalid owner username.");
        }
        var count = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count)
                                  || count is < 1 or > MaxLimit))
        {
            return SearchQueryValidation.Invalid("limit", $"limit must be a whole number from 1 to {MaxLimit}.");
        }
        return new SearchQueryValidation(
            new SearchQuery(trimmed, new VariantFilter(project, branch, provider, model, owner, PublishedOnly: true), count), null, null);
    }
}

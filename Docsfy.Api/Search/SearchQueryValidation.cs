namespace Docsfy.Api.Search;

/// <summary>A <see cref="SearchQuery"/>, or which parameter is wrong and why.</summary>
public sealed record SearchQueryValidation(SearchQuery? Query, string? Parameter, string? Error)
{
    public static SearchQueryValidation Invalid(string parameter, string error) => new(null, parameter, error);
}

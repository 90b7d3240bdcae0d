namespace Docsfy.Api.Search;

/// <summary>The answer of <c>GET /api/search</c>: the best hits first, at most the request's <c>limit</c>.</summary>
public sealed record SearchResponse(string Query, IReadOnlyList<SearchHit> Hits);

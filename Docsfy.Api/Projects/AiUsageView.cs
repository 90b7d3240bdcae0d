namespace Docsfy.Api.Projects;

/// <summary>
/// What the variant's current (or last) run spent, as the REST API shows it (<c>ai_usage</c>): its AI calls, the
/// tokens and cost its provider reported (null where it reports none), and the pages it reused from the page cache.
/// </summary>
public sealed record AiUsageView(int Calls, long? InputTokens, long? OutputTokens, decimal? CostUsd, int? PagesReused);

namespace Docsfy.Contracts;

/// <summary>
/// What a run spent: its AI calls, and the tokens and money its provider reported (null where the provider reports
/// nothing), and how many pages it took from the page cache instead of asking the AI.
/// </summary>
public sealed record RunUsage(int AiCalls, long? InputTokens, long? OutputTokens, decimal? CostUsd, int PagesReused);

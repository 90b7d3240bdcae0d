namespace Docsfy.Api.Mcp;

/// <summary>The answer of <c>get_run_status</c>: the matching variants, newest change first.</summary>
public sealed record RunStatusList(IReadOnlyList<McpVariant> Runs, bool Truncated);

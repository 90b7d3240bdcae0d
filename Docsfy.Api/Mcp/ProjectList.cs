namespace Docsfy.Api.Mcp;

/// <summary>The answer of <c>list_projects</c>; <see cref="Truncated"/> when there were more variants than one answer holds.</summary>
public sealed record ProjectList(IReadOnlyList<McpProject> Projects, int VariantCount, bool Truncated);

namespace Docsfy.Api.Mcp;

/// <summary>A project (repository name) and its variants the caller can see.</summary>
public sealed record McpProject(string Name, IReadOnlyList<McpVariant> Variants);

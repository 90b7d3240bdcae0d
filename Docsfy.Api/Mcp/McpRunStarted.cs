namespace Docsfy.Api.Mcp;

/// <summary>The answer of <c>generate_docs</c>: the run is recorded and on its way to a worker.</summary>
public sealed record McpRunStarted(
    string Project, string Branch, string Provider, string Model, string Owner, string Status, Guid GenerationId);

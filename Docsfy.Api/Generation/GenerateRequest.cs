using System.Text.Json.Serialization;

namespace Docsfy.Api.Generation;

/// <summary>The body of <c>POST /api/generate</c>. Exactly one of <see cref="RepoUrl"/> and <see cref="RepoPath"/>.</summary>
/// <param name="AiCliTimeout">Minutes per AI call, overriding <c>AI_CLI_TIMEOUT</c> for this run.</param>
public sealed record GenerateRequest(
    string? RepoUrl = null,
    string? RepoPath = null,
    string Branch = "main",
    string? AiProvider = null,
    string? AiModel = null,
    int? AiCliTimeout = null,
    bool Force = false,
    string? RepoType = null);

/// <summary>202 answer: the run is recorded and on its way to a worker.</summary>
public sealed record GenerateResponse(
    string Project, string Status, string Branch, string AiProvider, string AiModel, string Owner,
    [property: JsonPropertyName("generation_id")] Guid RunId);

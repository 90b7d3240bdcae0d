using System.Text.Json.Serialization;

namespace Docsfy.Api.Generation;

/// <summary>200 answer to an abort: the run is ended as <c>aborted</c>.</summary>
public sealed record AbortResponse(string Project, string Branch, string AiProvider, string AiModel, string Owner, string Status,
    [property: JsonPropertyName("generation_id")] Guid RunId);

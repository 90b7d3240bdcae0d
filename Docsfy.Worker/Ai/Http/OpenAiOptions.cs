namespace Docsfy.Worker.Ai.Http;

/// <summary>An OpenAI-compatible chat completions endpoint (OpenAI, Azure OpenAI, Ollama, vLLM).</summary>
public sealed class OpenAiOptions
{
    /// <summary>The base address including the API version path, e.g. <c>http://localhost:11434/v1</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Sent as a bearer token. Local servers ignore it, so it may stay empty.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Used when a request names no model.</summary>
    public string? DefaultModel { get; set; }

    /// <summary>Retries of transient HTTP failures (429, 5xx) within the call's time limit.</summary>
    public int MaxRetries { get; set; } = 2;
}

namespace Docsfy.Worker.Ai;

/// <summary>One AI backend: a command-line tool (claude, gemini, cursor) or an OpenAI-compatible HTTP endpoint.</summary>
public interface IAiProvider
{
    /// <summary>The provider name users choose (<c>ai_provider</c>).</summary>
    string Name { get; }

    /// <summary>Whether this worker can run it at all now: its tool is installed, or its endpoint is configured.</summary>
    bool IsReady { get; }

    /// <summary>
    /// Sends one prompt and returns the raw answer. Throws <see cref="AiProviderUnavailableException"/> when the tool or
    /// endpoint is not installed or configured, <see cref="AiCallFailedException"/> when the call fails or times out, and
    /// <see cref="OperationCanceledException"/> on abort (after killing any child process tree).
    /// </summary>
    Task<AiReply> CompleteAsync(AiRequest request, CancellationToken cancellationToken);
}

/// <param name="WorkingDirectory">The checkout: CLI tools run there so they can read the repository.</param>
/// <param name="Timeout">The per-call limit (<c>AI_CLI_TIMEOUT</c> or the run's <c>ai_cli_timeout</c>).</param>
public sealed record AiRequest(string Model, string Prompt, string WorkingDirectory, TimeSpan Timeout);

public sealed record AiReply(string Text, AiUsage? Usage = null);

/// <summary>What a provider reports about a call's cost, where it reports anything.</summary>
public sealed record AiUsage(long? InputTokens, long? OutputTokens, decimal? CostUsd);

/// <summary>The provider cannot be used at all on this worker; the message says what to install or configure.</summary>
public sealed class AiProviderUnavailableException(string message) : Exception(message);

/// <summary>One call failed (non-zero exit, crash, timeout, HTTP error); the message is safe to show to users.</summary>
public sealed class AiCallFailedException(string message, Exception? inner = null) : Exception(message, inner);

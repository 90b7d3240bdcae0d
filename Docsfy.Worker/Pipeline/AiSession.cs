using Docsfy.Worker.Ai;

namespace Docsfy.Worker.Pipeline;

/// <summary>
/// One run's use of its provider: the model, the per-call timeout, the working directory, and a count of calls and
/// reported usage (the cost of a run is its AI calls).
/// </summary>
public sealed class AiSession(IAiProvider provider, string model, string workingDirectory, TimeSpan callTimeout)
{
    private int _calls;
    private long _inputTokens;
    private long _outputTokens;

    public int Calls => Volatile.Read(ref _calls);

    public long InputTokens => Interlocked.Read(ref _inputTokens);

    public long OutputTokens => Interlocked.Read(ref _outputTokens);

    public async Task<string> AskAsync(string prompt, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        var reply = await provider.CompleteAsync(new AiRequest(model, prompt, workingDirectory, callTimeout), cancellationToken);
        if (reply.Usage is { } usage)
        {
            Interlocked.Add(ref _inputTokens, usage.InputTokens ?? 0);
            Interlocked.Add(ref _outputTokens, usage.OutputTokens ?? 0);
        }
        return reply.Text;
    }
}

using Docsfy.Worker.Ai;
using Docsfy.Worker.Generation;

namespace Docsfy.Worker.Pipeline;

/// <summary>
/// One run's use of its provider: the model, the per-call timeout, the working directory. Every call and the usage the
/// provider reports go to the run's meter (the cost of a run is its AI calls).
/// </summary>
public sealed class AiSession(IAiProvider provider, string model, string workingDirectory, TimeSpan callTimeout, RunMeter meter)
{
    public async Task<string> AskAsync(string prompt, CancellationToken cancellationToken)
    {
        meter.CallStarted();
        var reply = await provider.CompleteAsync(new AiRequest(model, prompt, workingDirectory, callTimeout), cancellationToken);
        if (reply.Usage is { } usage)
        {
            meter.Reported(usage.InputTokens, usage.OutputTokens, usage.CostUsd);
        }
        return reply.Text;
    }
}

using System.Diagnostics;
using Docsfy.Worker.Ai;
using Docsfy.Worker.Generation;

namespace Docsfy.Worker.Pipeline;

/// <summary>
/// One run's use of its provider: the model, the per-call timeout, the working directory. Every call and the usage the
/// provider reports go to the run's meter (the cost of a run is its AI calls), and each call is a span inside the
/// current stage's.
/// </summary>
public sealed class AiSession(IAiProvider provider, string model, string workingDirectory, TimeSpan callTimeout, RunMeter meter,
    RunTrace? trace = null)
{
    public async Task<string> AskAsync(string prompt, CancellationToken cancellationToken)
    {
        meter.CallStarted();
        using var span = trace?.StartAiCall(provider.Name, model);
        AiReply reply;
        try
        {
            reply = await provider.CompleteAsync(new AiRequest(model, prompt, workingDirectory, callTimeout), cancellationToken);
        }
        catch (Exception exception)
        {
            // The type only: a provider's message may quote the prompt or the tool's output.
            span?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            throw;
        }
        if (reply.Usage is { } usage)
        {
            meter.Reported(usage.InputTokens, usage.OutputTokens, usage.CostUsd);
            span?.SetTag(RunTraceTags.InputTokens, usage.InputTokens);
            span?.SetTag(RunTraceTags.OutputTokens, usage.OutputTokens);
        }
        return reply.Text;
    }
}

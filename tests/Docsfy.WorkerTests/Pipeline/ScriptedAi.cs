using System.Collections.Concurrent;
using Docsfy.Worker.Ai;

namespace Docsfy.WorkerTests.Pipeline;

/// <summary>
/// A fake provider the test scripts: each prompt is answered by the first rule whose marker it contains. Every prompt is
/// recorded, and the most calls in flight at once is measured, so tests can check parallelism without timing.
/// </summary>
internal sealed class ScriptedAi : IAiProvider
{
    private readonly List<(string Marker, Func<string, string> Answer)> _rules = [];
    private int _inFlight;
    private int _maxInFlight;
    private (int Count, TimeSpan Timeout, TaskCompletionSource Reached)? _hold;

    public string Name => "scripted";

    public bool IsReady => true;

    public ConcurrentQueue<string> Prompts { get; } = new();

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>
    /// Makes the first calls wait until <paramref name="count"/> of them are in flight at once (then none waits again), so
    /// a caller's parallelism is shown to reach that number. A caller that never gets there is let go after
    /// <paramref name="timeout"/> and leaves <see cref="MaxInFlight"/> below it.
    /// </summary>
    public ScriptedAi HoldUntilInFlight(int count, TimeSpan timeout)
    {
        _hold = (count, timeout, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        return this;
    }

    public ScriptedAi When(string marker, Func<string, string> answer)
    {
        _rules.Add((marker, answer));
        return this;
    }

    public ScriptedAi When(string marker, string answer) => When(marker, _ => answer);

    public async Task<AiReply> CompleteAsync(AiRequest request, CancellationToken cancellationToken)
    {
        Prompts.Enqueue(request.Prompt);
        var inFlight = Interlocked.Increment(ref _inFlight);
        InterlockedMax(ref _maxInFlight, inFlight);
        try
        {
            if (_hold is { } hold)
            {
                if (inFlight >= hold.Count)
                {
                    hold.Reached.TrySetResult();
                }
                await hold.Reached.Task.WaitAsync(hold.Timeout, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            foreach (var (marker, answer) in _rules)
            {
                if (request.Prompt.Contains(marker, StringComparison.Ordinal))
                {
                    return new AiReply(answer(request.Prompt), new AiUsage(10, 20, null));
                }
            }
            throw new AiCallFailedException("no scripted answer");
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}

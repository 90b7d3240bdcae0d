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

    public string Name => "scripted";

    public ConcurrentQueue<string> Prompts { get; } = new();

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>How long each call takes; lets parallel calls overlap.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

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
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, cancellationToken);
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

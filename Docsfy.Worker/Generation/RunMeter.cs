using Docsfy.Contracts;

namespace Docsfy.Worker.Generation;

/// <summary>
/// Counts what one run spends as it goes: AI calls, and tokens and money where the provider reports them, and pages
/// reused from the cache. Pages are written in parallel, so every change takes the lock. Whatever way the run ends
/// (ready, error, abort, time limit), its terminal event carries the count so far.
/// </summary>
public sealed class RunMeter
{
    private readonly Lock _lock = new();
    private int _calls;
    private long? _inputTokens;
    private long? _outputTokens;
    private decimal? _costUsd;
    private int _pagesReused;

    public void CallStarted()
    {
        lock (_lock)
        {
            _calls++;
        }
    }

    public void Reported(long? inputTokens, long? outputTokens, decimal? costUsd)
    {
        lock (_lock)
        {
            _inputTokens = Add(_inputTokens, inputTokens);
            _outputTokens = Add(_outputTokens, outputTokens);
            _costUsd = costUsd is { } cost ? (_costUsd ?? 0) + cost : _costUsd;
        }
    }

    public void PagesReused(int count)
    {
        lock (_lock)
        {
            _pagesReused = count;
        }
    }

    public RunUsage Snapshot()
    {
        lock (_lock)
        {
            return new RunUsage(_calls, _inputTokens, _outputTokens, _costUsd, _pagesReused);
        }
    }

    private static long? Add(long? total, long? more) => more is { } value ? (total ?? 0) + value : total;
}

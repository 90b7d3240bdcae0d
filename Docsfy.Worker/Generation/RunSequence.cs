namespace Docsfy.Worker.Generation;

/// <summary>
/// Sequence numbers of a run's events. They start from the clock rather than from 1, so if a run is ever restarted on
/// another worker, its events still sort after the earlier worker's.
/// </summary>
public sealed class RunSequence
{
    private long _last;

    /// <summary>Continues after <paramref name="last"/> (what the API applied of earlier attempts of the run).</summary>
    public void ContinueAfter(long last)
    {
        while (true)
        {
            var current = Interlocked.Read(ref _last);
            if (current >= last || Interlocked.CompareExchange(ref _last, last, current) == current)
            {
                return;
            }
        }
    }

    public long Next()
    {
        while (true)
        {
            var last = Interlocked.Read(ref _last);
            var next = Math.Max(last + 1, DateTime.UtcNow.Ticks);
            if (Interlocked.CompareExchange(ref _last, next, last) == last)
            {
                return next;
            }
        }
    }
}

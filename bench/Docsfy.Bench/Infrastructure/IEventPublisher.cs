using Docsfy.Contracts;

namespace Docsfy.Bench.Infrastructure;

/// <summary>Where a fan-out trial sends its events: Docsfy's worker path, or the raw baseline's publish socket.</summary>
public interface IEventPublisher
{
    /// <summary>One <c>generating_pages</c> progress of the variant's run, its event number travelling as page_count.</summary>
    Task PublishAsync(RunningVariant variant, long sequence, int eventNumber);
}

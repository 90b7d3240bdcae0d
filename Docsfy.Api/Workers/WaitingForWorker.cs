using Docsfy.Api.Projects;
using Docsfy.Contracts;

namespace Docsfy.Api.Workers;

/// <summary>
/// On a REST read of a run no worker has taken yet: how long it has waited, and how many workers are alive (none means it
/// will wait until one starts, or until <c>Generation:NoWorkerTimeout</c> ends it).
/// </summary>
public sealed record WaitingForWorker(long WaitedSeconds, int WorkersAlive)
{
    /// <summary>Null unless <paramref name="view"/> is generating and no worker has reported a stage of it.</summary>
    public static WaitingForWorker? Of(VariantView view, WorkerRegistry workers, DateTimeOffset now)
    {
        if (view.Status != VariantStatus.Generating || view.CurrentStage is not null
            || !Timestamps.TryParse(view.UpdatedAt, out var since))
        {
            return null;
        }
        return new WaitingForWorker(Math.Max(0, (long)(now.UtcDateTime - since).TotalSeconds), workers.Alive().Count);
    }
}

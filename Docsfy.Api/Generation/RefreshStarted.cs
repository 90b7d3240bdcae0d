using Docsfy.Contracts;

namespace Docsfy.Api.Generation;

/// <summary>
/// What <see cref="RunLifecycle.RefreshAsync"/> did for a variant: started a run (<see cref="RunId"/>), or, because the
/// variant was generating, queued exactly one follow-up run for when that run ends (<see cref="RunId"/> null).
/// </summary>
public sealed record RefreshStarted(VariantKey Variant, Guid? RunId)
{
    public bool Queued => RunId is null;
}

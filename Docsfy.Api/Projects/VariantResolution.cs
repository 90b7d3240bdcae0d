using Docsfy.Api.Auth;

namespace Docsfy.Api.Projects;

public enum VariantPickStatus { Found, NotFound, Ambiguous }

public sealed record VariantPick(VariantPickStatus Status, VariantMatch? Match = null);

/// <summary>
/// Picks one variant among the visible ones that share (name, branch, provider, model) but differ by owner (the unique key
/// allows at most one per owner). The caller's own variant wins; otherwise there must be exactly one. Several visible
/// owners and none of them the caller (an admin, or a user with two shares) is ambiguous: the client must pass
/// <c>?owner=</c>, which filters before this rule applies.
/// </summary>
public static class VariantResolution
{
    public static VariantPick Pick(Caller caller, IReadOnlyList<VariantMatch> candidates)
    {
        if (candidates.Count == 0)
        {
            return new VariantPick(VariantPickStatus.NotFound);
        }
        var own = candidates.FirstOrDefault(c => string.Equals(c.View.Owner, caller.Username, StringComparison.OrdinalIgnoreCase));
        if (own is not null)
        {
            return new VariantPick(VariantPickStatus.Found, own);
        }
        return candidates.Count == 1
            ? new VariantPick(VariantPickStatus.Found, candidates[0])
            : new VariantPick(VariantPickStatus.Ambiguous);
    }
}

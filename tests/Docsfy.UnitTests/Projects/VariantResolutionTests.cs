using Docsfy.Api.Auth;
using Docsfy.Api.Projects;
using Docsfy.Contracts;

namespace Docsfy.UnitTests.Projects;

public sealed class VariantResolutionTests
{
    private static VariantMatch Of(string owner) => new(new VariantView("p", "main", "cursor", "m", owner, "https://x/p.git",
        VariantStatus.Ready, null, null, null, 0, null, null, "2026-01-01 00:00:00", "2026-01-01 00:00:00", Guid.NewGuid(), null, null, null),
        null);

    private static readonly Caller Alice = new("alice", Roles.User, 1);

    [Fact]
    public void Nothing_visible_is_not_found() => Assert.Equal(VariantPickStatus.NotFound, VariantResolution.Pick(Alice, []).Status);

    [Fact]
    public void The_callers_own_variant_wins_over_shared_ones()
    {
        var own = Of("Alice");
        var pick = VariantResolution.Pick(Alice, [Of("bob"), own, Of("carol")]);
        Assert.Equal(VariantPickStatus.Found, pick.Status);
        Assert.Same(own, pick.Match);
    }

    [Fact]
    public void A_single_shared_variant_is_found()
    {
        var shared = Of("bob");
        Assert.Same(shared, VariantResolution.Pick(Alice, [shared]).Match);
    }

    [Fact]
    public void Several_other_owners_are_ambiguous_for_users_and_admins()
    {
        Assert.Equal(VariantPickStatus.Ambiguous, VariantResolution.Pick(Alice, [Of("bob"), Of("carol")]).Status);
        Assert.Equal(VariantPickStatus.Ambiguous, VariantResolution.Pick(Caller.BuiltInAdmin, [Of("bob"), Of("carol")]).Status);
    }
}

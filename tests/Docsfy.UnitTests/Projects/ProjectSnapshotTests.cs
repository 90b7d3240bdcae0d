using Docsfy.Api.Auth;
using Docsfy.Api.Projects;
using Docsfy.Contracts;

namespace Docsfy.UnitTests.Projects;

public sealed class ProjectSnapshotTests
{
    private static readonly Caller Alice = new("alice", Roles.User, 1);
    private static readonly Caller Admin = Caller.BuiltInAdmin;

    private static readonly ReadyVariant[] Ready =
    [
        new("docsfy", "main", "cursor", "gpt-5", "alice"),
        new("docsfy", "dev", "claude", "opus", "bob"),
        new("docsfy", "main", "claude", "sonnet", "bob"),
        new("other", "main", "cursor", "gpt-5", "bob"),
        new("other", "feature-x", "cursor", "gpt-4", "alice"),
    ];

    [Fact]
    public void Known_models_group_every_owners_ready_models_by_provider_sorted_and_distinct()
    {
        var models = ProjectSnapshot.KnownModelsOf(Ready);
        Assert.Equal(["claude", "cursor"], models.Keys);
        Assert.Equal(["opus", "sonnet"], models["claude"]);
        Assert.Equal(["gpt-4", "gpt-5"], models["cursor"]);
    }

    [Fact]
    public void Admins_know_every_owners_ready_branches()
    {
        var branches = ProjectSnapshot.KnownBranchesOf(Admin, Ready);
        Assert.Equal(["dev", "main"], branches["docsfy"]);
        Assert.Equal(["feature-x", "main"], branches["other"]);
    }

    [Fact]
    public void Others_know_only_their_own_ready_branches()
    {
        var branches = ProjectSnapshot.KnownBranchesOf(Alice, Ready);
        Assert.Equal(["main"], branches["docsfy"]);
        Assert.Equal(["feature-x"], branches["other"]);
        Assert.Empty(ProjectSnapshot.KnownBranchesOf(new Caller("carol", Roles.Viewer, 3), Ready));
    }

    [Fact]
    public void A_database_admin_is_an_admin_for_known_branches()
    {
        var branches = ProjectSnapshot.KnownBranchesOf(new Caller("root2", Roles.Admin, 9), Ready);
        Assert.Equal(["dev", "main"], branches["docsfy"]);
    }

    [Fact]
    public void Empty_input_gives_empty_maps()
    {
        var snapshot = ProjectSnapshot.Create(Alice, [], []);
        Assert.Empty(snapshot.Projects);
        Assert.Empty(snapshot.KnownModels);
        Assert.Empty(snapshot.KnownBranches);
    }

    [Fact]
    public void Projects_are_sorted_by_updated_at_descending()
    {
        var older = Variant("a", "2026-01-01 10:00:00");
        var newer = Variant("b", "2026-03-01 09:00:00");
        var middle = Variant("c", "2026-02-15 23:59:59");
        var snapshot = ProjectSnapshot.Create(Alice, [older, newer, middle], []);
        Assert.Equal(["b", "c", "a"], snapshot.Projects.Select(p => p.Name));
    }

    private static VariantView Variant(string name, string updatedAt) => new(
        name, "main", "cursor", "gpt-5", "alice", "https://example.com/r.git", VariantStatus.Ready, null, null, null, 0, null,
        null, "2026-01-01 00:00:00", updatedAt, Guid.NewGuid(), null, null, null);
}

using Docsfy.Api.Auth;
using Docsfy.Api.Hub;
using Microsoft.Extensions.Logging.Abstractions;

namespace Docsfy.UnitTests.Hub;

/// <summary>The index that finds an event's recipients: the same answer as asking every connection, without asking.</summary>
public sealed class HubConnectionRegistryTests
{
    private static HubConnection Connect(HubConnectionRegistry registry, string username, string role,
        params (string Name, string Owner)[] grants)
    {
        var connection = new HubConnection(new ScriptedSocket(sendsFlow: true), new Caller(username, role, 1),
            grants.ToHashSet(), new HubOptions(), NullLogger.Instance);
        registry.Add(connection);
        return connection;
    }

    [Fact]
    public void Viewers_are_admins_the_owner_in_any_case_and_grantees_of_that_project_each_once()
    {
        var registry = new HubConnectionRegistry();
        var admin = Connect(registry, "root", Roles.Admin);
        var owner = Connect(registry, "Ada", Roles.User);
        var ownerAgain = Connect(registry, "ada", Roles.User);
        var grantee = Connect(registry, "bob", Roles.Viewer, ("widget", "ada"));
        var elsewhere = Connect(registry, "cy", Roles.Viewer, ("gadget", "ada"));
        var adminOwner = Connect(registry, "ada-admin", Roles.Admin, ("widget", "ada"));
        Connect(registry, "dee", Roles.User);

        var viewers = registry.Viewers("widget", "ada");

        Assert.Equal(new[] { admin, owner, ownerAgain, grantee, adminOwner }.ToHashSet(), viewers.ToHashSet());
        Assert.Equal(viewers.Count, viewers.Distinct().Count());
        Assert.All(registry.All, c => Assert.Equal(c.CanSee("widget", "ada"), viewers.Contains(c)));
        Assert.DoesNotContain(elsewhere, viewers);
    }

    [Fact]
    public void A_changed_role_or_grant_moves_the_connection_in_the_index_and_a_removed_one_is_gone()
    {
        var registry = new HubConnectionRegistry();
        var reader = Connect(registry, "bob", Roles.Viewer);
        Assert.Empty(registry.Viewers("widget", "ada"));

        registry.UpdateAccess(reader, reader.Caller, new HashSet<(string, string)> { ("widget", "ada") });
        Assert.Equal([reader], registry.Viewers("widget", "ada"));

        registry.UpdateAccess(reader, reader.Caller with { Role = Roles.Admin }, new HashSet<(string, string)>());
        Assert.Equal([reader], registry.Viewers("gadget", "cy"));

        registry.Remove(reader);
        Assert.Empty(registry.Viewers("gadget", "cy"));
        Assert.Empty(registry.Of("bob"));
        Assert.Equal(0, registry.Count);
    }
}

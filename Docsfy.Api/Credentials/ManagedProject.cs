using System.Security.Claims;
using Docsfy.Api.Auth;
using Docsfy.Api.Http;
using Docsfy.Api.Projects;

namespace Docsfy.Api.Credentials;

/// <summary>The project (name, owner) the caller may manage: its owner's, or any for an admin with <c>?owner=</c>.</summary>
internal static class ManagedProject
{
    /// <summary>
    /// The owner as the project's variants spell it, or a 404 for anyone who is neither owner nor admin, including a
    /// grantee who can see the project: what is kept here is none of their business, not even its existence.
    /// </summary>
    public static async Task<(string Owner, JsonHttpResult<ApiError>? Error)> FindAsync(string name, string? owner,
        ClaimsPrincipal user, ProjectStore projects, CancellationToken cancellationToken)
    {
        if ((VariantRoute.CheckName(name) ?? VariantRoute.CheckOwner(owner)) is { } invalid)
        {
            return ("", invalid);
        }
        var caller = Caller.FromPrincipal(user);
        var visible = await projects.FindVisibleAsync(caller, new VariantFilter(Name: name, Owner: owner ?? caller.Username),
            VariantOrder.UpdatedDescending, cancellationToken);
        if (visible.Count == 0
            || (!caller.IsAdmin && !string.Equals(visible[0].View.Owner, caller.Username, StringComparison.OrdinalIgnoreCase)))
        {
            return ("", ApiError.NotFound($"Project '{name}' not found."));
        }
        return (visible[0].View.Owner, null);
    }
}

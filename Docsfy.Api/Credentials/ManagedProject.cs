using System.Security.Claims;
using Docsfy.Api.Auth;
using Docsfy.Api.Http;
using Docsfy.Api.Projects;
using Docsfy.Api.Users;

namespace Docsfy.Api.Credentials;

/// <summary>
/// The project (name, owner) whose credentials the caller may manage: its owner's, or any for an admin with <c>?owner=</c>.
/// A project of the caller's own that has no variant yet counts too (for an admin, one in any namespace), so a private
/// repository's credentials can be set before its first run instead of after a run that had to fail.
/// </summary>
internal static class ManagedProject
{
    /// <summary>
    /// The owner as the project's variants spell it (the caller's name for a project of theirs not run yet), and whether
    /// it has run; or a 404 for anyone who is neither owner nor admin, including a grantee who can see the project: what
    /// is kept here is none of their business, not even its existence.
    /// </summary>
    public static async Task<(string Owner, bool HasRun, JsonHttpResult<ApiError>? Error)> FindAsync(string name, string? owner,
        ClaimsPrincipal user, ProjectStore projects, UserStore users, CancellationToken cancellationToken)
    {
        if ((VariantRoute.CheckName(name) ?? VariantRoute.CheckOwner(owner)) is { } invalid)
        {
            return ("", false, invalid);
        }
        var caller = Caller.FromPrincipal(user);
        var visible = await projects.FindVisibleAsync(caller, new VariantFilter(Name: name, Owner: owner ?? caller.Username),
            VariantOrder.UpdatedDescending, cancellationToken);
        if (visible.Count == 0 && (owner is null || string.Equals(owner, caller.Username, StringComparison.OrdinalIgnoreCase)))
        {
            // The caller's own namespace: nobody else's project can be there, so nothing is revealed.
            return (caller.Username, false, null);
        }
        if (visible.Count == 0 && caller.IsAdmin && await users.FindAsync(owner!, cancellationToken) is { } target)
        {
            // An admin manages every user's namespace, credentials set there before a first run included; not that of a
            // user who does not exist (yet), who would otherwise find credentials waiting when created.
            return (target.Username, false, null);
        }
        if (visible.Count == 0
            || (!caller.IsAdmin && !string.Equals(visible[0].View.Owner, caller.Username, StringComparison.OrdinalIgnoreCase)))
        {
            return ("", false, ApiError.NotFound($"Project '{name}' not found."));
        }
        return (visible[0].View.Owner, true, null);
    }
}

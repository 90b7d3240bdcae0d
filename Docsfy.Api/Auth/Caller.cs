using System.Security.Claims;

namespace Docsfy.Api.Auth;

/// <summary>Who is making a request, with the role read from the database at the time of the request.</summary>
public sealed record Caller(string Username, string Role, long? UserId)
{
    public const string BuiltInAdminName = "admin";
    private const string UserIdClaim = "docsfy:user_id";

    public static Caller BuiltInAdmin { get; } = new(BuiltInAdminName, Roles.Admin, null);

    public bool IsAdmin => Role == Roles.Admin;

    /// <summary>The admin of <c>ADMIN_KEY</c>: no users row, cannot rotate its key.</summary>
    public bool IsBuiltInAdmin => UserId is null;

    /// <summary>Admins and users may start, abort and delete runs; viewers only read.</summary>
    public bool CanWrite => Role is Roles.Admin or Roles.User;

    public ClaimsPrincipal ToPrincipal(string authenticationType)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, Username), new(ClaimTypes.Role, Role) };
        if (UserId is { } id)
        {
            claims.Add(new Claim(UserIdClaim, id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType));
    }

    public static Caller FromPrincipal(ClaimsPrincipal principal)
    {
        var name = principal.FindFirstValue(ClaimTypes.Name)
            ?? throw new InvalidOperationException("The request is not authenticated.");
        var role = principal.FindFirstValue(ClaimTypes.Role) ?? Roles.Viewer;
        var id = principal.FindFirstValue(UserIdClaim);
        return new Caller(name, role, id is null ? null : long.Parse(id, System.Globalization.CultureInfo.InvariantCulture));
    }
}

namespace Docsfy.Api.Auth;

/// <summary>Authorization policy names. Visibility of individual variants is decided per row, not by policy.</summary>
public static class AuthPolicies
{
    public const string Admin = "admin";

    /// <summary>Roles that may start, abort and delete runs.</summary>
    public const string Writer = "writer";
}

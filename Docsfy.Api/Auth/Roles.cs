namespace Docsfy.Api.Auth;

/// <summary>The three roles. Spelled exactly like this in requests, responses and the database.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string User = "user";
    public const string Viewer = "viewer";

    public static IReadOnlyList<string> All { get; } = [Admin, User, Viewer];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}

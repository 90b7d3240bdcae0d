namespace Docsfy.Api.Users;

public sealed record CreateUserRequest(string Username, string Role = Auth.Roles.User);

public sealed record ChangeRoleRequest(string Role);

public sealed record UserResponse(string Username, string Role, string CreatedAt)
{
    public static UserResponse From(UserRecord user) => new(user.Username, user.Role, Timestamps.Format(user.CreatedAt));
}

public sealed record CreatedUserResponse(string Username, string Role, string ApiKey);

public sealed record UserListResponse(IReadOnlyList<UserResponse> Users);

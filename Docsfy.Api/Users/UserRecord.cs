namespace Docsfy.Api.Users;

public sealed record UserRecord(long Id, string Username, string Role, DateTime CreatedAt);

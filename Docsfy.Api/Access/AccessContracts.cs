namespace Docsfy.Api.Access;

public sealed record GrantRequest(string Username, string Owner);

public sealed record GrantResponse(string Project, string Owner, string Username);

public sealed record GrantListResponse(string Project, string Owner, IReadOnlyList<string> Users);

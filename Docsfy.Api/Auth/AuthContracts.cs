namespace Docsfy.Api.Auth;

public sealed record LoginRequest(string Username, string ApiKey);

public sealed record RotateKeyRequest(string? NewKey = null);

public sealed record IdentityResponse(string Username, string Role, bool IsAdmin)
{
    public static IdentityResponse From(Caller caller) => new(caller.Username, caller.Role, caller.IsAdmin);
}

public sealed record NewKeyResponse(string Username, string NewApiKey);

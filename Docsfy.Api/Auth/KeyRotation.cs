using Docsfy.Api.Http;
using Docsfy.Api.Users;

namespace Docsfy.Api.Auth;

/// <summary>Replaces a user's key (a chosen one or a fresh one) and ends all of the user's sessions, in one transaction.</summary>
public static class KeyRotation
{
    public readonly record struct Outcome(string? NewKey, JsonHttpResult<ApiError>? Error);

    public static async Task<Outcome> RotateAsync(string username, string? customKey, UserStore users, CredentialHasher hasher,
        CancellationToken cancellationToken)
    {
        if (customKey is not null)
        {
            if (ApiKeys.ProblemWithCustomKey(customKey) is { } problem)
            {
                return new Outcome(null, ApiError.BadRequest(problem));
            }
            if (hasher.IsAdminKey(customKey))
            {
                return new Outcome(null, ApiError.BadRequest("This key cannot be used; choose another."));
            }
        }

        var newKey = customKey ?? ApiKeys.Generate();
        return await users.ReplaceKeyAsync(username, hasher.HashApiKey(newKey), cancellationToken) switch
        {
            KeyReplacement.Replaced => new Outcome(newKey, null),
            KeyReplacement.UserNotFound => new Outcome(null, ApiError.NotFound($"User '{username}' not found.")),
            // Deliberately vague: the caller must not learn that some other account uses this key.
            _ => new Outcome(null, ApiError.BadRequest("This key cannot be used; choose another.")),
        };
    }
}

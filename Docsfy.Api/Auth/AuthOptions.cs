namespace Docsfy.Api.Auth;

/// <summary>
/// Secrets and limits of authentication. The secrets come from the environment names the product documents
/// (<c>ADMIN_KEY</c>, <c>DOCSFY_KEY_HASH_SECRET</c>, <c>SECURE_COOKIES</c>); the limits from the <c>Auth</c> section.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The built-in admin's key (<c>ADMIN_KEY</c>), at least 16 characters.</summary>
    public string AdminKey { get; set; } = "";

    /// <summary>
    /// The HMAC key for API keys and session tokens (<c>DOCSFY_KEY_HASH_SECRET</c>). Deliberately not the admin key, so
    /// rotating the admin key leaves every user's key valid.
    /// </summary>
    public string KeyHashSecret { get; set; } = "";

    /// <summary>Whether the session cookie is marked Secure (<c>SECURE_COOKIES</c>, default true).</summary>
    public bool SecureCookies { get; set; } = true;

    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromSeconds(28800);

    public TimeSpan SessionPurgeInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Failed logins allowed for one username from one address within <see cref="FailedLoginWindow"/>.</summary>
    public int MaxFailedLoginsPerUsername { get; set; } = 5;

    /// <summary>Failed logins allowed from one address for all usernames together within the window.</summary>
    public int MaxFailedLoginsPerAddress { get; set; } = 30;

    public TimeSpan FailedLoginWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Origins besides the API's own whose pages may use the session cookie: open a socket or send a write (for a
    /// dashboard served from another address). Scripts with a key need none.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];
}

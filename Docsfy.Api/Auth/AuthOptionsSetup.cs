using Microsoft.Extensions.Options;

namespace Docsfy.Api.Auth;

/// <summary>Reads the documented environment names into <see cref="AuthOptions"/> and refuses to start without them.</summary>
public sealed class AuthOptionsSetup(IConfiguration configuration) : IConfigureOptions<AuthOptions>, IValidateOptions<AuthOptions>
{
    public const int MinAdminKeyLength = 16;
    public const int MinKeyHashSecretLength = 32;

    public void Configure(AuthOptions options)
    {
        options.AdminKey = configuration["ADMIN_KEY"] ?? options.AdminKey;
        options.KeyHashSecret = configuration["DOCSFY_KEY_HASH_SECRET"] ?? options.KeyHashSecret;
        if (bool.TryParse(configuration["SECURE_COOKIES"], out var secure))
        {
            options.SecureCookies = secure;
        }
    }

    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        if (options.AdminKey.Length < MinAdminKeyLength)
        {
            failures.Add($"ADMIN_KEY must be set to at least {MinAdminKeyLength} characters.");
        }
        if (options.KeyHashSecret.Length < MinKeyHashSecretLength)
        {
            failures.Add($"DOCSFY_KEY_HASH_SECRET must be set to at least {MinKeyHashSecretLength} characters.");
        }
        else if (options.KeyHashSecret == options.AdminKey)
        {
            failures.Add("DOCSFY_KEY_HASH_SECRET must differ from ADMIN_KEY, so that rotating the admin key keeps user keys valid.");
        }
        if (options.MaxFailedLoginsPerUsername < 1 || options.MaxFailedLoginsPerAddress < 1 || options.FailedLoginWindow <= TimeSpan.Zero)
        {
            failures.Add("Auth login limits must be positive.");
        }
        // Checked here so a zero or negative value stops start-up naming the setting, rather than failing later in the
        // purge service's timer or in a cookie that expires before it is set.
        if (options.SessionLifetime <= TimeSpan.Zero || options.SessionPurgeInterval <= TimeSpan.Zero)
        {
            failures.Add("Auth:SessionLifetime and Auth:SessionPurgeInterval must be positive.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

using Microsoft.Extensions.Options;

namespace Docsfy.Api.Auth;

/// <summary>The <c>docsfy_session</c> cookie: HttpOnly, SameSite=Strict, Max-Age 28800, Secure unless SECURE_COOKIES=false.</summary>
public sealed class SessionCookie(IOptions<AuthOptions> options)
{
    public const string Name = "docsfy_session";

    public void Set(HttpResponse response, string token) => response.Cookies.Append(Name, token, CreateOptions());

    public void Clear(HttpResponse response) => response.Cookies.Delete(Name, CreateOptions());

    public static string? Read(HttpRequest request) => request.Cookies.TryGetValue(Name, out var token) ? token : null;

    private CookieOptions CreateOptions() => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = options.Value.SecureCookies,
        MaxAge = options.Value.SessionLifetime,
        Path = "/",
        IsEssential = true,
    };
}

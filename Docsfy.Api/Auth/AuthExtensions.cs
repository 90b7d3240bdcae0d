using Microsoft.Extensions.Options;

namespace Docsfy.Api.Auth;

public static class AuthExtensions
{
    /// <summary>Adds authentication (Bearer or session cookie), the role policies, sessions and the login throttle.</summary>
    public static IHostApplicationBuilder AddDocsfyAuth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<AuthOptionsSetup>();
        builder.Services.AddSingleton<IConfigureOptions<AuthOptions>>(services => services.GetRequiredService<AuthOptionsSetup>());
        builder.Services.AddSingleton<IValidateOptions<AuthOptions>>(services => services.GetRequiredService<AuthOptionsSetup>());

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CredentialHasher>();
        builder.Services.AddSingleton<CallerResolver>();
        builder.Services.AddSingleton<SessionStore>();
        builder.Services.AddSingleton<SessionCookie>();
        builder.Services.AddSingleton<LoginThrottle>();
        builder.Services.AddSingleton<AuthAudit>();
        builder.Services.AddSingleton<KeyAuthenticator>();
        builder.Services.AddHostedService<SessionPurgeService>();

        builder.Services.AddAuthentication(DocsfyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, DocsfyAuthenticationHandler>(
                DocsfyAuthenticationHandler.SchemeName, _ => { });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AuthPolicies.Admin, policy => policy.RequireRole(Roles.Admin))
            .AddPolicy(AuthPolicies.Writer, policy => policy.RequireRole(Roles.Admin, Roles.User));

        return builder;
    }
}

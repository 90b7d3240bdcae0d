using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace Docsfy.AppHost.Infrastructure;

/// <summary>
/// Which proxies the API may believe about the client's address (<c>X-Forwarded-For</c>). Clients reach the API only
/// through a proxy: in run mode the app host's own (on loopback), in a deployment the platform's ingress. The API counts
/// failed logins per client address, so it must see the client's and not the proxy's, and must believe the header from
/// nobody else.
/// </summary>
public static class TrustedProxies
{
    /// <summary>App host setting: addresses or CIDR networks, as a list or one comma-separated value.</summary>
    public const string Setting = "Api:TrustedProxies";

    /// <summary>The app host's proxy listens on loopback and connects to the replicas from there.</summary>
    public static readonly string[] RunModeDefault = ["127.0.0.0/8", "::1/128"];

    /// <summary>
    /// A deployment's ingress reaches the containers from the platform's private network: the private ranges, and the
    /// shared address space 100.64.0.0/10, where Azure Container Apps' ingress connects from (100.100.x.x, seen by the
    /// app as IPv4-mapped IPv6, which the middleware compares as IPv4). Only the environment's own apps share those
    /// networks, and the ingress overwrites any X-Forwarded-For a client sends, so a client cannot choose its address.
    /// </summary>
    public static readonly string[] PublishModeDefault = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7"];

    /// <summary>
    /// Publish mode's parameter: the deployment may name its own ingress network without republishing (azd offers the
    /// default, from <c>Api:TrustedProxies</c> or <see cref="PublishModeDefault"/>, comma-separated).
    /// </summary>
    public const string ParameterName = "api-trusted-proxies";

    public static IReadOnlyList<string> From(IConfiguration configuration, bool isRunMode)
    {
        var section = configuration.GetSection(Setting);
        var configured = section.Value is { } single
            ? single.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [.. section.GetChildren().Select(child => child.Value?.Trim()).OfType<string>().Where(value => value.Length > 0)];
        if (configured.Length > 0)
        {
            return configured;
        }
        return isRunMode ? RunModeDefault : PublishModeDefault;
    }

    /// <summary>Hands the list to the API as <c>ForwardedHeaders:TrustedProxies</c> (in publish mode through <see cref="ParameterName"/>).</summary>
    public static IResourceBuilder<ProjectResource> WithTrustedProxies(this IResourceBuilder<ProjectResource> api,
        IDistributedApplicationBuilder builder)
    {
        var proxies = From(builder.Configuration, builder.ExecutionContext.IsRunMode);
        if (builder.ExecutionContext.IsPublishMode)
        {
            // One entry holding the comma-separated list: the value is only known at deployment, and the API splits it.
            var parameter = builder.AddParameter(ParameterName, string.Join(',', proxies), publishValueAsDefault: true);
            // Aspire publishes projects with ASP.NET Core's own switch on, which would add a second forwarded-headers
            // middleware before the API's and, configured by itself, believe any proxy: the API's list is the only one.
            return api.WithEnvironment("ForwardedHeaders__TrustedProxies__0", parameter)
                .WithEnvironment("ASPNETCORE_FORWARDEDHEADERS_ENABLED", "false");
        }
        for (var index = 0; index < proxies.Count; index++)
        {
            api.WithEnvironment($"ForwardedHeaders__TrustedProxies__{index}", proxies[index]);
        }
        return api;
    }
}

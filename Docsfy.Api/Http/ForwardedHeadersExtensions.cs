using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Docsfy.Api.Http;

public static class ForwardedHeadersExtensions
{
    /// <summary>
    /// Believes <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> only from <see cref="TrustedProxyOptions.TrustedProxies"/>,
    /// and only their last entry (the one the nearest trusted proxy wrote). ASP.NET Core's defaults (loopback) are
    /// cleared so that the list in configuration is the whole truth.
    /// </summary>
    public static IHostApplicationBuilder AddDocsfyForwardedHeaders(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TrustedProxyOptions>().BindConfiguration(TrustedProxyOptions.Section)
            .Validate(options => options.Problem() is null, "ForwardedHeaders:TrustedProxies holds an entry that is neither an IP address nor a CIDR network.")
            .ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxyOptions>>((options, trusted) =>
        {
            var networks = trusted.Value.Networks();
            // The middleware believes everyone when both lists are empty, so "no trusted proxy" means "read no header".
            options.ForwardedHeaders = networks.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = 1;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // the obsolete list still holds the loopback default, and the middleware still reads it
            options.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
        return builder;
    }
}

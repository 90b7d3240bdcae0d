using System.Net;
using Docsfy.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Docsfy.UnitTests.Http;

/// <summary>The client address the API sees, through the real middleware configured as <c>AddDocsfyForwardedHeaders</c> does.</summary>
public sealed class ForwardedHeadersTests
{
    [Theory]
    [InlineData("127.0.0.1", "203.0.113.9", "203.0.113.9")]          // the app host's proxy on loopback: believed
    [InlineData("::1", "203.0.113.9", "203.0.113.9")]
    [InlineData("10.1.2.3", "203.0.113.9", "203.0.113.9")]           // the configured ingress network: believed
    [InlineData("192.0.2.50", "203.0.113.9", "192.0.2.50")]          // anyone else: the connection's own address
    [InlineData("127.0.0.1", "198.51.100.1, 203.0.113.9", "203.0.113.9")] // only what the nearest proxy appended
    public async Task Only_a_trusted_proxy_names_the_client(string peer, string forwardedFor, string expected)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        context.Request.Headers["X-Forwarded-For"] = forwardedFor;

        await Middleware(["127.0.0.0/8", "::1", "10.0.0.0/8"]).Invoke(context);

        Assert.Equal(expected, ClientAddress.Of(context));
    }

    [Theory]
    [InlineData("100.100.0.52", "203.0.113.9", "203.0.113.9")]          // Azure Container Apps' ingress
    [InlineData("::ffff:100.100.0.52", "203.0.113.9", "203.0.113.9")]   // the same, as the socket reports it
    [InlineData("10.250.0.221", "203.0.113.9", "203.0.113.9")]
    [InlineData("203.0.113.200", "198.51.100.1", "203.0.113.200")]       // straight from the internet: not believed
    public async Task A_deployment_list_in_one_comma_separated_entry_is_every_network_in_it(string peer, string forwardedFor, string expected)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        context.Request.Scheme = "http";
        context.Request.Headers["X-Forwarded-Proto"] = "https";

        await Middleware(["10.0.0.0/8,172.16.0.0/12, 192.168.0.0/16,100.64.0.0/10,fc00::/7"]).Invoke(context);

        Assert.Equal(expected, ClientAddress.Of(context));
        Assert.Equal(expected == peer ? "http" : "https", context.Request.Scheme);
    }

    [Fact]
    public async Task With_no_trusted_proxy_configured_nobody_is_believed_not_even_loopback()
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        context.Request.Headers["X-Forwarded-For"] = "203.0.113.9";

        await Middleware([]).Invoke(context);

        Assert.Equal("127.0.0.1", ClientAddress.Of(context));
    }

    [Theory]
    [InlineData("10.0.0.0/8", null)]
    [InlineData("fd00::1", null)]
    [InlineData("localhost", "ForwardedHeaders:TrustedProxies: 'localhost' is neither an IP address nor a CIDR network.")]
    [InlineData("10.0.0.0/99", "ForwardedHeaders:TrustedProxies: '10.0.0.0/99' is neither an IP address nor a CIDR network.")]
    [InlineData("10.0.0.0/8, nonsense", "ForwardedHeaders:TrustedProxies: 'nonsense' is neither an IP address nor a CIDR network.")]
    public void Entries_must_be_addresses_or_networks(string entry, string? problem) =>
        Assert.Equal(problem, new TrustedProxyOptions { TrustedProxies = [entry] }.Problem());

    private static ForwardedHeadersMiddleware Middleware(string[] trustedProxies)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(
            trustedProxies.Select((proxy, index) => KeyValuePair.Create<string, string?>($"ForwardedHeaders:TrustedProxies:{index}", proxy)));
        builder.AddDocsfyForwardedHeaders();
        var services = builder.Services.BuildServiceProvider();
        return new ForwardedHeadersMiddleware(_ => Task.CompletedTask, NullLoggerFactory.Instance,
            services.GetRequiredService<IOptions<ForwardedHeadersOptions>>());
    }
}

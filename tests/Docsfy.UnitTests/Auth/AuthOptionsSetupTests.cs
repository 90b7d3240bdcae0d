using Docsfy.Api.Auth;
using Microsoft.Extensions.Configuration;

namespace Docsfy.UnitTests.Auth;

public sealed class AuthOptionsSetupTests
{
    private static (AuthOptions Options, bool Valid, string Failures) Setup(Dictionary<string, string?> values)
    {
        var setup = new AuthOptionsSetup(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        var options = new AuthOptions();
        setup.Configure(options);
        var result = setup.Validate(null, options);
        return (options, result.Succeeded, result.FailureMessage ?? "");
    }

    [Fact]
    public void Reads_the_documented_environment_names()
    {
        var (options, valid, _) = Setup(new()
        {
            ["ADMIN_KEY"] = "admin-key-0123456789",
            ["DOCSFY_KEY_HASH_SECRET"] = new string('s', 40),
            ["SECURE_COOKIES"] = "false",
        });
        Assert.True(valid);
        Assert.Equal("admin-key-0123456789", options.AdminKey);
        Assert.False(options.SecureCookies);
        Assert.Equal(TimeSpan.FromSeconds(28800), options.SessionLifetime);
    }

    [Fact]
    public void Secure_cookies_by_default()
    {
        var (options, _, _) = Setup(new() { ["ADMIN_KEY"] = "admin-key-0123456789", ["DOCSFY_KEY_HASH_SECRET"] = new string('s', 40) });
        Assert.True(options.SecureCookies);
    }

    [Fact]
    public void Refuses_a_missing_or_short_admin_key()
    {
        var (_, valid, failures) = Setup(new() { ["ADMIN_KEY"] = "short", ["DOCSFY_KEY_HASH_SECRET"] = new string('s', 40) });
        Assert.False(valid);
        Assert.Contains("ADMIN_KEY", failures);
        Assert.DoesNotContain("short", failures);
    }

    [Fact]
    public void Refuses_a_hash_secret_equal_to_the_admin_key()
    {
        var same = new string('k', 40);
        var (_, valid, failures) = Setup(new() { ["ADMIN_KEY"] = same, ["DOCSFY_KEY_HASH_SECRET"] = same });
        Assert.False(valid);
        Assert.Contains("must differ", failures);
    }

    [Theory]
    [InlineData(0, 600)]
    [InlineData(28800, 0)]
    [InlineData(-1, 600)]
    public void Refuses_session_timings_that_are_not_positive(int lifetimeSeconds, int purgeSeconds)
    {
        var setup = new AuthOptionsSetup(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ADMIN_KEY"] = "admin-key-0123456789",
            ["DOCSFY_KEY_HASH_SECRET"] = new string('s', 40),
        }).Build());
        var options = new AuthOptions
        {
            SessionLifetime = TimeSpan.FromSeconds(lifetimeSeconds),
            SessionPurgeInterval = TimeSpan.FromSeconds(purgeSeconds),
        };
        setup.Configure(options);

        var result = setup.Validate(null, options);

        Assert.False(result.Succeeded);
        Assert.Contains("Auth:SessionLifetime and Auth:SessionPurgeInterval", result.FailureMessage, StringComparison.Ordinal);
    }
}

using Docsfy.Cli.Connection;
using Docsfy.Cli.Connection.Profiles;

namespace Docsfy.UnitTests.Cli;

public sealed class ConnectionResolverTests : IDisposable
{
    private const string ProfileKey = "docsfy_profile-key-0123456789";
    private const string EnvironmentKey = "docsfy_environment-key-0123456789";

    private readonly string _root = Directory.CreateTempSubdirectory("docsfy-cli-resolver-").FullName;
    private readonly ProfileStore _store;

    public ConnectionResolverTests()
    {
        _store = new ProfileStore(Path.Combine(_root, "docsfy", "profiles.json"));
        var file = new ProfilesFile { Default = "main" };
        file.Profiles["main"] = new Profile("http://main.example:8000/", "alice", ProfileKey);
        file.Profiles["other"] = new Profile("https://other.example/", "bob", "docsfy_other-key-0123456789");
        _store.Save(file);
    }

    private ServerConnection Resolve(string? profile, string? url = null, string? key = null) =>
        new ConnectionResolver(_store, name => name switch
        {
            ConnectionResolver.UrlVariable => url,
            ConnectionResolver.KeyVariable => key,
            _ => null,
        }).Resolve(profile);

    [Fact]
    public void The_default_profile_is_used_without_environment()
    {
        var connection = Resolve(null);
        Assert.Equal(new Uri("http://main.example:8000/"), connection.BaseUrl);
        Assert.Equal(ProfileKey, connection.ApiKey);
        Assert.DoesNotContain(ProfileKey, connection.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Both_variables_override_the_file_entirely()
    {
        var connection = Resolve(null, "https://ci.example/", EnvironmentKey);
        Assert.Equal(new Uri("https://ci.example/"), connection.BaseUrl);
        Assert.Equal(EnvironmentKey, connection.ApiKey);
    }

    [Fact]
    public void The_key_variable_alone_overrides_the_profile_key()
    {
        var connection = Resolve("other", key: EnvironmentKey);
        Assert.Equal(new Uri("https://other.example/"), connection.BaseUrl);
        Assert.Equal(EnvironmentKey, connection.ApiKey);
    }

    [Fact]
    public void A_profile_key_is_never_sent_to_another_server_named_by_the_environment()
    {
        var failure = Assert.Throws<CliFailure>(() => Resolve(null, url: "http://elsewhere.example/"));
        Assert.Equal(ExitCodes.Auth, failure.ExitCode);
        // The same server spelled the same way is fine.
        Assert.Equal(ProfileKey, Resolve(null, url: "http://main.example:8000").ApiKey);
    }

    [Fact]
    public void A_missing_profile_or_no_credentials_at_all_is_exit_3()
    {
        Assert.Equal(ExitCodes.Auth, Assert.Throws<CliFailure>(() => Resolve("nope")).ExitCode);
        var empty = new ConnectionResolver(new ProfileStore(Path.Combine(_root, "none", "profiles.json")), _ => null);
        Assert.Equal(ExitCodes.Auth, Assert.Throws<CliFailure>(() => empty.Resolve(null)).ExitCode);
    }

    [Theory]
    [InlineData("ftp://host/")]
    [InlineData("http://user:pass@host/")]
    [InlineData("http://host/?token=x")]
    [InlineData("not a url")]
    public void Server_addresses_are_plain_http_or_https(string url) =>
        Assert.Equal(ExitCodes.Usage, Assert.Throws<CliFailure>(() => ServerUrl.Parse(url, "--url")).ExitCode);

    [Fact]
    public void A_server_address_keeps_its_base_path() =>
        Assert.Equal(new Uri("https://host/docsfy/"), ServerUrl.Parse("https://host/docsfy", "--url"));

    public void Dispose() => Directory.Delete(_root, recursive: true);
}

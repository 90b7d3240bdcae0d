using Docsfy.Contracts.Repositories;

namespace Docsfy.UnitTests.Repositories;

public sealed class RepositoryAddressTests
{
    [Theory]
    [InlineData("https://github.com/owner/repo", "https", "github.com", "repo")]
    [InlineData("https://github.com/owner/repo.git", "https", "github.com", "repo")]
    [InlineData("https://GitHub.com/owner/my.repo_name-2.git/", "https", "github.com", "my.repo_name-2")]
    [InlineData("http://git.example.org:8080/group/sub/repo", "http", "git.example.org", "repo")]
    [InlineData("ssh://git@host.example/owner/repo", "ssh", "host.example", "repo")]
    [InlineData("ssh://git@host.example:2222/owner/repo.git", "ssh", "host.example", "repo")]
    [InlineData("git@github.com:owner/repo.git", "ssh", "github.com", "repo")]
    [InlineData("git@github.com:owner/repo", "ssh", "github.com", "repo")]
    [InlineData("  https://github.com/owner/repo  ", "https", "github.com", "repo")]
    [InlineData("https://8.8.8.8/owner/repo", "https", "8.8.8.8", "repo")]
    [InlineData("https://[2606:4700::1111]/owner/repo", "https", "2606:4700::1111", "repo")]
    public void Accepts_the_spec_forms(string url, string scheme, string host, string name)
    {
        Assert.True(RepositoryAddress.TryParse(url, out var address, out var problem), problem);
        Assert.Equal(scheme, address.Scheme);
        Assert.Equal(host, address.Host);
        Assert.Equal(name, address.Name);
        Assert.Equal(url.Trim(), address.Url);
    }

    [Fact]
    public void Keeps_the_port_and_path()
    {
        Assert.True(RepositoryAddress.TryParse("ssh://git@host.example:2222/owner/repo.git", out var address, out _));
        Assert.Equal(2222, address.Port);
        Assert.Equal("/owner/repo.git", address.Path);
    }

    [Theory]
    [InlineData("https://user:pw@github.com/a/b", "Credentials")]
    [InlineData("https://token@github.com/a/b", "Credentials")]
    [InlineData("https://git@github.com/a/b", "Credentials")]
    [InlineData("ssh://alice@host.example/a/b", "Credentials")]
    [InlineData("ssh://git:secret@host.example/a/b", "Credentials")]
    [InlineData("alice@github.com:owner/repo.git", "'git' user")]
    [InlineData("http://127.0.0.1/x.git", "127.0.0.1")]
    [InlineData("http://127.1.2.3/x.git", "not a public")]
    [InlineData("http://2130706433/x.git", "127.0.0.1")]
    [InlineData("http://[::1]/x", "not a public")]
    [InlineData("http://[::]/x", "not a public")]
    [InlineData("http://0.0.0.0/x", "not a public")]
    [InlineData("http://169.254.169.254/latest/meta-data", "not a public")]
    [InlineData("http://10.0.0.1/x", "not a public")]
    [InlineData("http://172.16.5.4/x", "not a public")]
    [InlineData("http://192.168.1.1/x", "not a public")]
    [InlineData("http://100.64.0.1/x", "not a public")]
    [InlineData("http://192.0.2.1/x", "not a public")]
    [InlineData("http://203.0.113.9/x", "not a public")]
    [InlineData("http://224.0.0.1/x", "not a public")]
    [InlineData("http://255.255.255.255/x", "not a public")]
    [InlineData("http://[::ffff:127.0.0.1]/x", "not a public")]
    [InlineData("http://[::ffff:10.0.0.1]/x", "not a public")]
    [InlineData("http://[fe80::1]/x", "not a public")]
    [InlineData("http://[fd00::1]/x", "not a public")]
    [InlineData("http://[ff02::1]/x", "not a public")]
    [InlineData("http://[2001:db8::1]/x", "not a public")]
    [InlineData("http://[64:ff9b::a9fe:a9fe]/x", "not a public")]
    [InlineData("http://[2002:7f00:1::]/x", "not a public")]
    [InlineData("git@[::1]:owner/repo", "not a public")]
    [InlineData("http://localhost/x.git", "this machine")]
    [InlineData("http://LOCALHOST./x.git", "this machine")]
    [InlineData("http://api.localhost/x.git", "this machine")]
    [InlineData("file:///etc", "scheme 'file:'")]
    [InlineData("FILE:///etc/passwd", "scheme 'file:'")]
    [InlineData("ftp://example.com/a/b", "scheme 'ftp:'")]
    [InlineData("git://github.com/owner/repo", "git://")]
    [InlineData("git://127.0.0.1/repo", "git://")]
    [InlineData("ext::sh -c touch% /tmp/pwned", "spaces")]
    [InlineData("ext::sh", "not accepted")]
    [InlineData("/etc/passwd", "Not a repository URL")]
    [InlineData("github.com/owner/repo", "Not a repository URL")]
    [InlineData("git@github.com:-oProxyCommand=x", "Not a repository URL")]
    [InlineData("ssh://git@-oProxyCommand=x/repo", "valid host")]
    [InlineData("https://github.com/owner\n/repo", "control")]
    [InlineData("https://github.com/own\ter/repo", "control")]
    [InlineData("https://github.com/owner/re po", "spaces")]
    [InlineData("https://github.com/owner/rëpo", "non-ASCII")]
    [InlineData("https://github.com\\@evil.example/a/b", "backslash")]
    [InlineData("https://github.com/owner/repo?x=1", "query")]
    [InlineData("https://github.com/owner/repo#main", "query")]
    [InlineData("https://github.com", "no repository path")]
    [InlineData("https://github.com/", "no repository path")]
    [InlineData("https://github.com/owner/..", "'..'")]
    [InlineData("https://github.com/owner/.hidden", "not a valid repository name")]
    [InlineData("https://github.com/owner/a%2Fb", "not a valid repository name")]
    [InlineData("https://github.com:0/a/b", "valid host")]
    [InlineData("https://github.com:99999/a/b", "valid host")]
    [InlineData("https:///a/b", "valid host")]
    [InlineData("", "required")]
    public void Refuses_with_a_clear_reason(string url, string reason)
    {
        Assert.False(RepositoryAddress.TryParse(url, out var address, out var problem));
        Assert.Null(address);
        Assert.Contains(reason, problem, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Refuses_overlong_urls()
    {
        var url = "https://github.com/owner/" + new string('a', RepositoryAddress.MaxLength);

        Assert.False(RepositoryAddress.TryParse(url, out _, out var problem));
        Assert.Contains("2048", problem);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9418/x.git")]
    [InlineData("http://localhost/x.git")]
    [InlineData("http://[::1]/x")]
    [InlineData("git://127.0.0.1:9418/repo")]
    [InlineData("git://localhost/repo")]
    public void Accepts_loopback_only_when_allowed(string url)
    {
        Assert.False(RepositoryAddress.TryParse(url, allowLoopback: false, out _, out _));
        Assert.True(RepositoryAddress.TryParse(url, allowLoopback: true, out _, out var problem), problem);
    }

    [Theory]
    [InlineData("http://10.0.0.1/x")]
    [InlineData("http://169.254.169.254/x")]
    [InlineData("git://github.com/owner/repo")]
    public void Allowing_loopback_allows_nothing_else(string url) =>
        Assert.False(RepositoryAddress.TryParse(url, allowLoopback: true, out _, out _));
}

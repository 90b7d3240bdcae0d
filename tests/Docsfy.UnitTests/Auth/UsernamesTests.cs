using Docsfy.Api.Auth;

namespace Docsfy.UnitTests.Auth;

public sealed class UsernamesTests
{
    [Theory]
    [InlineData("al")]
    [InlineData("alice")]
    [InlineData("Alice.Smith-2_x")]
    [InlineData("0day")]
    public void Accepts_well_formed_names(string name) => Assert.True(Usernames.IsValid(name));

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData(".alice")]
    [InlineData("-alice")]
    [InlineData("alice smith")]
    [InlineData("alice\n")]
    [InlineData("alice/../bob")]
    [InlineData("al'; drop table users;--")]
    [InlineData("ａｌｉｃｅ")]
    [InlineData("alİce")]
    [InlineData("al\u0000ice")]
    [InlineData("K\u212Aelvin")]
    public void Refuses_malformed_names(string name) => Assert.False(Usernames.IsValid(name));

    [Fact]
    public void Refuses_names_longer_than_fifty()
    {
        Assert.True(Usernames.IsValid(new string('a', 50)));
        Assert.False(Usernames.IsValid(new string('a', 51)));
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("ADMIN")]
    [InlineData("Admin")]
    public void Admin_is_reserved_in_any_case(string name) => Assert.True(Usernames.IsReserved(name));

    [Fact]
    public void Malformed_names_never_reach_a_log_line()
    {
        Assert.Equal("alice", Usernames.ForLog("alice"));
        Assert.Equal("(malformed)", Usernames.ForLog("docsfy_secret key pasted in the wrong field"));
        Assert.Equal("(malformed)", Usernames.ForLog(null));
    }
}

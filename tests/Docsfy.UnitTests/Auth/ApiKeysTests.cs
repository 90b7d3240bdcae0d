using Docsfy.Api.Auth;

namespace Docsfy.UnitTests.Auth;

public sealed class ApiKeysTests
{
    [Fact]
    public void Generated_keys_have_the_documented_shape_and_are_unique()
    {
        var keys = Enumerable.Range(0, 100).Select(_ => ApiKeys.Generate()).ToList();
        Assert.All(keys, key =>
        {
            Assert.StartsWith("docsfy_", key);
            Assert.Equal("docsfy_".Length + 43, key.Length);
            Assert.Matches(@"\Adocsfy_[A-Za-z0-9_-]{43}\z", key);
        });
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Theory]
    [InlineData("short")]
    [InlineData("fifteen-chars-x")]
    [InlineData("has a space in it, long enough")]
    [InlineData("tab\tinside-a-long-enough-key")]
    [InlineData("newline-at-the-end-of-key\n")]
    [InlineData("ünïcödé-characters-long-enough")]
    public void Unusable_custom_keys_are_explained(string key) => Assert.NotNull(ApiKeys.ProblemWithCustomKey(key));

    [Fact]
    public void Overlong_custom_key_is_refused() => Assert.NotNull(ApiKeys.ProblemWithCustomKey(new string('k', 257)));

    [Theory]
    [InlineData("sixteen-chars-ok")]
    [InlineData("My$ecret!Key#With%Symbols")]
    public void Reasonable_custom_keys_are_accepted(string key) => Assert.Null(ApiKeys.ProblemWithCustomKey(key));

    [Fact]
    public void Session_tokens_are_43_base64url_characters()
    {
        var token = SessionTokens.Generate();
        Assert.Matches(@"\A[A-Za-z0-9_-]{43}\z", token);
        Assert.True(SessionTokens.IsPlausible(token));
        Assert.False(SessionTokens.IsPlausible(token + "x"));
    }
}

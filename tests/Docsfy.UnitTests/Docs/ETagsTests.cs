using Docsfy.Api.Docs;
using Microsoft.Extensions.Primitives;

namespace Docsfy.UnitTests.Docs;

public sealed class ETagsTests
{
    private const string Digest = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    [Fact]
    public void A_hex_digest_becomes_a_strong_quoted_etag() => Assert.Equal($"\"{Digest}\"", ETags.For(Digest.ToUpperInvariant()));

    [Theory]
    [InlineData("")]
    [InlineData("not-hex")]
    [InlineData("abc\"\r\nSet-Cookie: x")]
    public void A_digest_that_is_not_hex_gives_no_etag(string digest) => Assert.Null(ETags.For(digest));

    [Fact]
    public void If_none_match_lists_strong_and_weak_validators()
    {
        var (any, digests) = ETags.ParseIfNoneMatch(new StringValues([$"\"{Digest}\", W/\"ABC123\"", "\"other-tag\""]));
        Assert.False(any);
        Assert.Equal(new[] { "abc123", Digest }.Order(), digests.Order());
    }

    [Fact]
    public void A_star_matches_anything() => Assert.True(ETags.ParseIfNoneMatch("*").Any);

    [Theory]
    [InlineData("")]
    [InlineData("no quotes")]
    [InlineData("\"unterminated")]
    public void Malformed_or_absent_headers_match_nothing(string header)
    {
        var (any, digests) = ETags.ParseIfNoneMatch(header.Length == 0 ? StringValues.Empty : new StringValues(header));
        Assert.False(any);
        Assert.Empty(digests);
    }
}

using Docsfy.Worker.Plans;

namespace Docsfy.WorkerTests.Plans;

public sealed class SlugTests
{
    [Theory]
    [InlineData("intro", "intro")]
    [InlineData("--Intro--Page--", "intro-page")]
    [InlineData("a..b", "a-b")]
    [InlineData("/etc/passwd", "etc-passwd")]
    [InlineData("..", null)]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void Normalize(string? value, string? expected)
    {
        Assert.Equal(expected, Slug.Normalize(value));
    }

    [Theory]
    [InlineData("intro", true)]
    [InlineData("a-1", true)]
    [InlineData("Intro", false)]
    [InlineData("-a", false)]
    [InlineData("a/b", false)]
    [InlineData("", false)]
    public void IsValid(string value, bool expected)
    {
        Assert.Equal(expected, Slug.IsValid(value));
    }
}

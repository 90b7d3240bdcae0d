using Docsfy.Api.Mcp;

namespace Docsfy.UnitTests.Mcp;

public sealed class PageWindowTests
{
    [Fact]
    public void A_short_text_is_one_window()
    {
        var window = PageWindow.Of("# Title\n\nBody.\n", 0)!;
        Assert.Equal("# Title\n\nBody.\n", window.Content);
        Assert.Null(window.NextOffset);
        Assert.Equal(15, window.TotalChars);
    }

    [Fact]
    public void Windows_cover_a_long_text_exactly_once_ending_at_line_breaks()
    {
        var text = string.Concat(Enumerable.Range(0, 500).Select(i => $"line {i}: {new string('x', i % 37)}\n"));
        var read = new System.Text.StringBuilder();
        int? offset = 0;
        var windows = 0;
        while (offset is { } at)
        {
            var window = PageWindow.Of(text, at, maxChars: 1_000)!;
            Assert.True(window.Content.Length <= 1_000);
            if (window.NextOffset is not null)
            {
                Assert.EndsWith("\n", window.Content);
            }
            read.Append(window.Content);
            offset = window.NextOffset;
            windows++;
        }
        Assert.Equal(text, read.ToString());
        Assert.True(windows > text.Length / 1_000);
    }

    [Fact]
    public void A_text_without_line_breaks_is_cut_at_the_limit_but_never_through_a_surrogate_pair()
    {
        var text = new string('a', 9) + "😀" + new string('b', 20);
        var first = PageWindow.Of(text, 0, maxChars: 10)!;
        Assert.Equal(new string('a', 9), first.Content);
        Assert.Equal(9, first.NextOffset);
        Assert.Equal("😀" + new string('b', 8), PageWindow.Of(text, 9, maxChars: 10)!.Content);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(int.MaxValue)]
    public void An_offset_outside_the_text_has_no_window(int offset) => Assert.Null(PageWindow.Of("hello", offset));

    [Fact]
    public void An_offset_inside_a_surrogate_pair_has_no_window() => Assert.Null(PageWindow.Of("a😀b", 2));

    [Fact]
    public void An_empty_file_is_one_empty_window() => Assert.Equal("", PageWindow.Of("", 0)!.Content);
}

using Docsfy.Worker.Plans;

namespace Docsfy.WorkerTests.Plans;

public sealed class PageSelectionTests
{
    [Fact]
    public void A_list_of_slugs_selects_those_pages()
    {
        var selection = PageSelection.Parse("""Only these changed: ```json ["intro", "API", "intro", "../x"] ```""");

        Assert.False(selection.All);
        Assert.Equal(["intro", "api", "x"], selection.Slugs);
        Assert.True(selection.Includes("api"));
        Assert.False(selection.Includes("install"));
    }

    [Fact]
    public void An_empty_list_selects_nothing()
    {
        var selection = PageSelection.Parse("[]");

        Assert.False(selection.All);
        Assert.Empty(selection.Slugs);
    }

    [Theory]
    [InlineData("[\"all\"]")]
    [InlineData("<think>only intro?</think>[\"intro\", \"ALL\"]")]
    [InlineData("I am not sure.")]
    [InlineData("[\"intro\", 3]")]
    [InlineData("[\"intro\", \"!!!\"]")]
    [InlineData("{\"slugs\": [\"intro\"]}")]
    [InlineData("")]
    public void Any_doubt_selects_everything(string answer)
    {
        var selection = PageSelection.Parse(answer);

        Assert.True(selection.All);
        Assert.True(selection.Includes("anything"));
    }
}

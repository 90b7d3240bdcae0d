using Docsfy.Api.Projects;

namespace Docsfy.UnitTests.Projects;

public sealed class ProjectNamesTests
{
    [Theory]
    [InlineData("docsfy")]
    [InlineData("my.repo_name-2")]
    [InlineData("X")]
    public void Accepts_repository_style_names(string name) => Assert.True(ProjectNames.IsValidName(name));

    [Theory]
    [InlineData("")]
    [InlineData(".hidden")]
    [InlineData("a/b")]
    [InlineData("a..b")]
    [InlineData("feature/x")]
    [InlineData("name with space")]
    [InlineData("naïve")]
    public void Refuses_names_that_could_escape_a_path_or_a_url_segment(string name) =>
        Assert.False(ProjectNames.IsValidName(name));
}

using Docsfy.Contracts.Repositories;

namespace Docsfy.UnitTests.Repositories;

public sealed class NameRulesTests
{
    [Theory]
    [InlineData("main", true)]
    [InlineData("release-1.2", true)]
    [InlineData("v2_fix", true)]
    [InlineData("feature/x", false)]
    [InlineData("a..b", false)]
    [InlineData("-rf", false)]
    [InlineData(".hidden", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("main\n", false)]
    public void Branch_names(string? branch, bool valid) => Assert.Equal(valid, BranchName.IsValid(branch));

    [Fact]
    public void Branch_names_are_bounded() =>
        Assert.False(BranchName.IsValid(new string('b', BranchName.MaxLength + 1)));

    [Fact]
    public void Project_names_follow_the_same_rule_as_the_api()
    {
        Assert.True(ProjectName.IsValid("docsfy"));
        Assert.False(ProjectName.IsValid(new string('n', ProjectName.MaxLength + 1)));
        Assert.Equal(ProjectName.MaxLength, Docsfy.Api.Projects.ProjectNames.MaxLength);
    }
}

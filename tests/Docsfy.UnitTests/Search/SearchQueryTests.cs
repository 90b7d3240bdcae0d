using Docsfy.Api.Search;

namespace Docsfy.UnitTests.Search;

public sealed class SearchQueryTests
{
    [Fact]
    public void A_plain_query_gets_the_default_limit_and_searches_published_sites_only()
    {
        var query = SearchQuery.Validate("  HubConnection reconnect  ").Query!;
        Assert.Equal("HubConnection reconnect", query.Text);
        Assert.Equal(SearchQuery.DefaultLimit, query.Limit);
        Assert.True(query.Filter.PublishedOnly);
        Assert.Null(query.Filter.Name);
    }

    [Fact]
    public void Filters_and_limit_are_carried_over()
    {
        var query = SearchQuery.Validate("x", "widget", "dev", "claude", "opus", "alice", "50").Query!;
        Assert.Equal(("widget", "dev", "claude", "opus", "alice"),
            (query.Filter.Name, query.Filter.Branch, query.Filter.Provider, query.Filter.Model, query.Filter.Owner));
        Assert.Equal(50, query.Limit);
    }

    [Theory]
    [InlineData(null, "q")]
    [InlineData("   ", "q")]
    [InlineData("\"\" -- ()", "q")]
    [InlineData("tab\there", "q")]
    public void The_text_must_say_something(string? text, string parameter) =>
        Assert.Equal(parameter, SearchQuery.Validate(text).Parameter);

    [Fact]
    public void The_text_is_bounded()
    {
        Assert.NotNull(SearchQuery.Validate(new string('a', SearchQuery.MaxTextLength)).Query);
        Assert.Equal("q", SearchQuery.Validate(new string('a', SearchQuery.MaxTextLength + 1)).Parameter);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("51")]
    [InlineData("-1")]
    [InlineData("+5")]
    [InlineData("ten")]
    [InlineData("1e1")]
    [InlineData("99999999999999999999")]
    [InlineData("")]
    public void The_limit_is_a_whole_number_from_1_to_50(string limit)
    {
        var validation = SearchQuery.Validate("x", limit: limit);
        Assert.Null(validation.Query);
        Assert.Equal("limit", validation.Parameter);
    }

    [Theory]
    [InlineData("../etc", null, null, null, null, "project")]
    [InlineData(null, "a/b", null, null, null, "branch")]
    [InlineData(null, null, " claude", null, null, "provider")]
    [InlineData(null, null, null, "m\u0000", null, "model")]
    [InlineData(null, null, null, null, "not a user!", "owner")]
    public void Names_are_checked_with_the_rules_that_made_them(string? project, string? branch, string? provider,
        string? model, string? owner, string parameter) =>
        Assert.Equal(parameter, SearchQuery.Validate("x", project, branch, provider, model, owner).Parameter);
}

using Docsfy.Api.Search;

namespace Docsfy.UnitTests.Search;

public sealed class IdentifierSplitterTests
{
    [Theory]
    [InlineData("HubConnection", "Hub Connection")]
    [InlineData("hubConnection.start()", "hub Connection.start()")]
    [InlineData("parseHTTPResponse", "parse HTTP Response")]
    [InlineData("IOException", "IO Exception")]
    [InlineData("utf8Decoder", "utf 8 Decoder")]
    [InlineData("max_concurrent_pages", "max_concurrent_pages")]
    [InlineData("MAX_PAGES", "MAX_PAGES")]
    [InlineData("plain english words", "plain english words")]
    [InlineData("", "")]
    public void Splits_code_identifiers_into_their_words(string text, string expected) =>
        Assert.Equal(expected, IdentifierSplitter.Split(text));

    [Fact]
    public void Leaves_non_ascii_text_readable()
    {
        Assert.Equal("Grüße Welt", IdentifierSplitter.Split("Grüße Welt"));
        Assert.Equal("über Größe", IdentifierSplitter.Split("überGröße"));
    }
}

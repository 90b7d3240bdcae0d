using Docsfy.Api.Docs;

namespace Docsfy.UnitTests.Docs;

public sealed class ArchiveNamesTests
{
    [Fact]
    public void The_folder_joins_the_variant_key_with_dashes() =>
        Assert.Equal("docsfy-main-cursor-gpt-5.4-xhigh-fast", ArchiveNames.Folder("docsfy", "main", "cursor", "gpt-5.4-xhigh-fast"));

    [Theory]
    [InlineData("llama3.1:8b", "llama3.1_8b")]
    [InlineData("meta-llama/Llama-3", "meta-llama_Llama-3")]
    [InlineData("..", "_")]
    [InlineData("...hidden", "hidden")]
    [InlineData("", "_")]
    [InlineData("a\"b;c\r\nd", "a_b_c__d")]
    [InlineData("naïve", "na_ve")]
    [InlineData("back\\slash", "back_slash")]
    public void Segments_keep_only_characters_safe_in_a_folder_and_a_quoted_filename(string value, string expected) =>
        Assert.Equal(expected, ArchiveNames.Segment(value));

    [Fact]
    public void Long_segments_are_cut() =>
        Assert.Equal(ArchiveNames.MaxSegmentLength, ArchiveNames.Segment(new string('m', 500)).Length);

    [Fact]
    public void The_file_name_is_the_folder_with_the_archive_extension() =>
        Assert.Equal("x-dev-openai-llama3.1_8b.tar.gz", ArchiveNames.FileName("x", "dev", "openai", "llama3.1:8b"));

    [Theory]
    [InlineData("index.html", "top/index.html")]
    [InlineData("assets/site.css", "top/assets/site.css")]
    [InlineData("../escape", null)]
    [InlineData("/absolute", null)]
    [InlineData(".hidden", null)]
    public void Entries_are_the_folder_plus_a_safe_site_path(string path, string? expected) =>
        Assert.Equal(expected, ArchiveNames.Entry("top", path));
}

using Docsfy.Worker.Cloning;

namespace Docsfy.WorkerTests.Cloning;

public sealed class SourceTreeTests
{
    private static CheckoutListing Listing(bool truncated, params string[] paths) =>
        new(paths.Select(p => new CheckoutFile(p, 1, false, false)).ToList(), truncated, 0, 0);

    [Fact]
    public void Counts_files_per_top_level_folder_and_samples_shallow_paths_first()
    {
        var tree = SourceTree.From(Listing(false, "README.md", "docs/guide.md", "src/a/deep.cs", "src/b.cs", "src/c.cs"), maxPaths: 3);

        Assert.Equal([new SourceFolder(".", 1), new SourceFolder("docs", 1), new SourceFolder("src", 3)], tree.Folders);
        Assert.Equal(["README.md", "docs/guide.md", "src/b.cs"], tree.SamplePaths);
        Assert.Equal(5, tree.FileCount);
        Assert.True(tree.Truncated);
    }

    [Fact]
    public void Renders_plain_text_for_prompts()
    {
        var text = SourceTree.From(Listing(true, "README.md", "src/app.cs")).ToText();

        Assert.Contains("2 files (list truncated).", text);
        Assert.Contains("(top level): 1 files", text);
        Assert.Contains("src/: 1 files", text);
        Assert.Contains("  src/app.cs", text);
    }
}

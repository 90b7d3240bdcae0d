using Docsfy.Worker.Cloning;

namespace Docsfy.WorkerTests.Cloning;

/// <summary>The checkout reader against folders built directly on disk, links and odd names included.</summary>
public sealed class CheckoutFilesTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _root;

    public CheckoutFilesTests()
    {
        _root = _folder.Child("checkout");
        Directory.CreateDirectory(Path.Combine(_root, "src"));
        Directory.CreateDirectory(Path.Combine(_root, ".git"));
        File.WriteAllText(Path.Combine(_root, "README.md"), "# Demo");
        File.WriteAllText(Path.Combine(_root, "src", "app.cs"), "class App {}");
        File.WriteAllText(Path.Combine(_root, ".git", "config"), "[core]");
    }

    [Fact]
    public void Lists_regular_files_in_order_and_skips_git()
    {
        var listing = new CheckoutFiles(_root).List();

        Assert.Equal(["README.md", "src/app.cs"], listing.Files.Select(f => f.Path));
        Assert.False(listing.Truncated);
        Assert.All(listing.Files, f => Assert.True(f.IsReadable));
    }

    [Fact]
    public void Never_lists_or_reads_through_symbolic_links()
    {
        var outside = _folder.Child("outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "secret.txt"), "secret");
        File.CreateSymbolicLink(Path.Combine(_root, "passwd"), "/etc/passwd");
        Directory.CreateSymbolicLink(Path.Combine(_root, "linked"), outside);
        Directory.CreateSymbolicLink(Path.Combine(_root, "src", "up"), "..");
        File.CreateSymbolicLink(Path.Combine(_root, "dangling"), "/nonexistent/target");
        var files = new CheckoutFiles(_root);

        var listing = files.List();

        Assert.Equal(["README.md", "src/app.cs"], listing.Files.Select(f => f.Path));
        Assert.Equal(4, listing.SkippedLinks);
        foreach (var path in new[] { "passwd", "linked/secret.txt", "src/up/README.md", "dangling" })
        {
            Assert.False(files.TryReadText(path, out var text, out var problem));
            Assert.Null(text);
            Assert.Contains("symbolic link", problem);
        }
    }

    [Theory]
    [InlineData("/etc/passwd", "absolute")]
    [InlineData("../outside.txt", "'..'")]
    [InlineData("src/../../outside.txt", "'..'")]
    [InlineData("src/./app.cs", "'.'")]
    [InlineData("src//app.cs", "empty")]
    [InlineData(".git/config", ".git")]
    [InlineData("src\\app.cs", "backslash")]
    [InlineData("", "empty")]
    [InlineData("src/app.cs\0.md", "control")]
    [InlineData("missing.md", "does not exist")]
    [InlineData("src", "does not exist")]
    public void Refuses_paths_that_are_not_plain_relative_files(string path, string reason)
    {
        var error = Assert.Throws<CheckoutReadException>(() => new CheckoutFiles(_root).ReadText(path));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Reads_text_and_drops_a_utf8_bom()
    {
        File.WriteAllBytes(Path.Combine(_root, "bom.txt"), [0xEF, 0xBB, 0xBF, (byte)'h', (byte)'i']);
        var files = new CheckoutFiles(_root);

        Assert.Equal("class App {}", files.ReadText("src/app.cs"));
        Assert.Equal("hi", files.ReadText("bom.txt"));
    }

    [Fact]
    public void Invalid_utf8_content_is_replaced_not_fatal()
    {
        File.WriteAllBytes(Path.Combine(_root, "latin1.txt"), [(byte)'c', (byte)'a', (byte)'f', 0xE9]);

        Assert.Equal("caf\uFFFD", new CheckoutFiles(_root).ReadText("latin1.txt"));
    }

    [Fact]
    public void Detects_binary_files_by_a_nul_byte()
    {
        File.WriteAllBytes(Path.Combine(_root, "logo.png"), [0x89, (byte)'P', (byte)'N', (byte)'G', 0, 0, 1]);
        var files = new CheckoutFiles(_root);

        var logo = files.List().Files.Single(f => f.Path == "logo.png");

        Assert.True(logo.IsBinary);
        Assert.False(logo.IsReadable);
        Assert.Contains("binary", Assert.Throws<CheckoutReadException>(() => files.ReadText("logo.png")).Message);
    }

    [Fact]
    public void Lists_large_files_with_their_size_but_does_not_read_them()
    {
        File.WriteAllText(Path.Combine(_root, "big.txt"), new string('a', 5000));
        var files = new CheckoutFiles(_root, maxReadBytes: 4096);

        var big = files.List().Files.Single(f => f.Path == "big.txt");

        Assert.Equal(5000, big.Size);
        Assert.True(big.IsTooLarge);
        Assert.False(big.IsBinary);
        Assert.Contains("5,000 bytes", Assert.Throws<CheckoutReadException>(() => files.ReadText("big.txt")).Message);
    }

    [Fact]
    public void Bounds_the_listing_and_says_so()
    {
        for (var i = 0; i < 3000; i++)
        {
            File.WriteAllText(Path.Combine(_root, "src", $"file{i:D4}.txt"), "x");
        }

        var listing = new CheckoutFiles(_root, maxFiles: 500).List();

        Assert.Equal(500, listing.Files.Count);
        Assert.True(listing.Truncated);
    }

    [Fact]
    public void File_names_that_are_not_utf8_are_skipped_without_crashing()
    {
        RawNames.CreateFile(Path.Combine(_root, "src"), @"b\377d.cs");

        var listing = new CheckoutFiles(_root).List();

        Assert.Equal(["README.md", "src/app.cs"], listing.Files.Select(f => f.Path));
        Assert.Equal(1, listing.SkippedNames);
        Assert.True(ScratchFolder.TryDelete(_root));
        Assert.False(Directory.Exists(_root));
    }

    [Fact]
    public void A_checkout_reached_through_a_link_still_reads_inside_it()
    {
        var alias = _folder.Child("alias");
        Directory.CreateSymbolicLink(alias, _root);

        Assert.Equal("# Demo", new CheckoutFiles(alias).ReadText("README.md"));
    }

    public void Dispose() => _folder.Dispose();
}

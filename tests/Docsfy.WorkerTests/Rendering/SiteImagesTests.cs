using System.Text;
using Docsfy.Worker.Cloning;
using Docsfy.Worker.Pipeline;
using Docsfy.Worker.Plans;
using Docsfy.Worker.Rendering;
using Docsfy.WorkerTests.Cloning;

namespace Docsfy.WorkerTests.Rendering;

/// <summary>
/// Repository images a page references are copied into the site and the page points at the copy; everything else keeps
/// its alt text: files outside the repository, links, formats the name lies about, and what is over the limits.
/// </summary>
public sealed class SiteImagesTests : IDisposable
{
    /// <summary>The smallest valid PNG: one transparent pixel.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    private static readonly byte[] Gif = [.. "GIF89a"u8, 1, 0, 1, 0, 0, 0, 0, (byte)';'];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, .. "JFIF"u8, 0, 0xFF, 0xD9];
    private static readonly byte[] Webp = [.. "RIFF"u8, 4, 0, 0, 0, .. "WEBP"u8, .. "VP8 "u8];

    private static readonly DocumentationPlan Plan = new("Images", "Pictures", "app",
    [
        new PlanGroup("Guides", [new PlanPage("guide", "Guide", "A guide", "guide"), new PlanPage("other", "Other", "More", "guide")]),
    ]);

    private readonly TempFolder _folder = new();
    private readonly string _root;

    public SiteImagesTests()
    {
        _root = _folder.Child("checkout");
        Write("docs/img/arch.png", Png);
        Write("docs/img/copy-of-arch.png", Png);
        Write("assets/logo.gif", Gif);
        Write("assets/photo.jpeg", Jpeg);
        Write("assets/pic.webp", Webp);
        Write("assets/diagram.svg", "<?xml version=\"1.0\"?>\n<!-- drawn by hand -->\n<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray());
        Write("assets/page.svg", "<html><script>alert(1)</script></html>"u8.ToArray());
        Write("assets/fake.png", "<html>not a png</html>"u8.ToArray());
        Write("assets/notes.txt", "text"u8.ToArray());
        Write("assets/big.png", [.. Png, .. new byte[2048]]);
    }

    private void Write(string path, byte[] bytes)
    {
        var full = Path.Combine(_root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }

    private SiteImages Images(ImageOptions? options = null) =>
        new(RepositorySnapshot.Read(new Checkout(_root, "0000000")), options ?? new ImageOptions(), new Dictionary<string, string> { ["guide"] = "docs" });

    private static (IReadOnlyList<SiteFile> Files, string Guide) Render(SiteImages images, string guide, string other = "# Other\n")
    {
        var files = new SiteRenderer().Render(Plan, new Dictionary<string, string> { ["guide"] = guide, ["other"] = other }, images);
        return (files, Encoding.UTF8.GetString(files.Single(file => file.Path == "guide.html").Content));
    }

    [Fact]
    public void A_repository_image_is_copied_and_the_page_points_at_the_copy()
    {
        var images = Images();

        var (files, html) = Render(images, "# Guide\n\n![Architecture](img/arch.png \"The parts\")\n");

        var copy = Assert.Single(files, file => file.Path.StartsWith("images/", StringComparison.Ordinal));
        Assert.Equal("image/png", copy.ContentType);
        Assert.Equal(Png, copy.Content);
        Assert.Matches(@"\Aimages/[0-9a-f]{20}\.png\z", copy.Path);
        Assert.Contains($"<img src=\"{copy.Path}\" alt=\"Architecture\" title=\"The parts\" />", html, StringComparison.Ordinal);
        Assert.Empty(images.LeftOut);
    }

    [Theory]
    [InlineData("img/arch.png")] // relative to the page's source folder, docs/
    [InlineData("../docs/img/arch.png")] // up and back down, still inside the repository
    [InlineData("/docs/img/arch.png")] // from the repository root
    [InlineData("docs/img/arch.png")] // from the root, as an AI describing the repository writes it
    [InlineData("./img/./arch.png?raw=true#light")] // dot segments, a query and a fragment
    [InlineData("img/%61rch.png")] // percent-encoded
    public void Every_spelling_of_a_path_inside_the_repository_finds_the_image(string url)
    {
        var (files, html) = Render(Images(), $"![A]({url})\n");

        var copy = Assert.Single(files, file => file.Path.StartsWith("images/", StringComparison.Ordinal));
        Assert.Contains($"<img src=\"{copy.Path}\" alt=\"A\" />", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_without_a_source_folder_resolve_from_the_root_and_one_image_is_stored_once()
    {
        var images = Images();

        var (files, _) = Render(images, "![a](img/arch.png) ![b](img/copy-of-arch.png)", other: "![c](docs/img/arch.png) ![d](img/arch.png)");

        // The same bytes under two names, from two pages: one copy. "img/arch.png" from the root names nothing.
        Assert.Single(files, file => file.Path.StartsWith("images/", StringComparison.Ordinal));
        var other = Encoding.UTF8.GetString(files.Single(file => file.Path == "other.html").Content);
        Assert.Equal(1, other.Split("<img src=\"images/").Length - 1);
        Assert.Equal(["img/arch.png: does not exist in the repository (or is not a file)"], images.LeftOut);
    }

    [Theory]
    [InlineData("../../etc/passwd.png")]
    [InlineData("/../../../etc/hostname.png")]
    [InlineData("..%2f..%2f..%2fetc%2fpasswd.png")]
    [InlineData("img\\..\\..\\arch.png")]
    public void A_path_that_climbs_out_of_the_repository_is_alt_text(string url)
    {
        var images = Images();

        var (files, html) = Render(images, $"![Escape]({url})\n");

        Assert.DoesNotContain(files, file => file.Path.StartsWith("images/", StringComparison.Ordinal));
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("Escape", html, StringComparison.Ordinal);
        Assert.Single(images.LeftOut);
    }

    [Fact]
    public void A_symbolic_link_is_never_followed_even_to_a_real_image()
    {
        var outside = _folder.Child("outside");
        Directory.CreateDirectory(outside);
        File.WriteAllBytes(Path.Combine(outside, "secret.png"), Png);
        File.CreateSymbolicLink(Path.Combine(_root, "docs", "linked.png"), Path.Combine(outside, "secret.png"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "docs", "out"), outside);
        File.CreateSymbolicLink(Path.Combine(_root, "docs", "inside.png"), Path.Combine(_root, "docs", "img", "arch.png"));
        var images = Images();

        var (files, html) = Render(images, "![one](linked.png) ![two](out/secret.png) ![three](inside.png)\n");

        Assert.DoesNotContain(files, file => file.Path.StartsWith("images/", StringComparison.Ordinal));
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.All(images.LeftOut, reason => Assert.Contains("symbolic link", reason, StringComparison.Ordinal));
        Assert.Equal(3, images.LeftOut.Count);
    }

    [Fact]
    public void Each_format_is_served_as_itself_and_a_name_that_lies_is_refused()
    {
        var images = Images();

        var (files, html) = Render(images,
            "![g](/assets/logo.gif) ![j](/assets/photo.jpeg) ![w](/assets/pic.webp) ![s](/assets/diagram.svg) "
            + "![fake](/assets/fake.png) ![html](/assets/page.svg) ![text](/assets/notes.txt)\n");

        Assert.Equal(["image/gif", "image/jpeg", "image/svg+xml", "image/webp"],
            files.Where(file => file.Path.StartsWith("images/", StringComparison.Ordinal)).Select(file => file.ContentType).Order());
        // SVG is a file the page shows through <img>, never markup inlined into the page.
        Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
        Assert.Contains(files, file => file.Path.EndsWith(".svg", StringComparison.Ordinal));
        Assert.Equal(4, html.Split("<img ").Length - 1);
        Assert.Equal(
        [
            "/assets/fake.png: its content is not the image its name says",
            "/assets/notes.txt: not a PNG, JPEG, GIF, WebP or SVG image",
            "/assets/page.svg: its content is not the image its name says",
        ], images.LeftOut.Select(reason => "/" + reason));
    }

    [Fact]
    public void Images_over_the_size_count_or_total_limits_are_left_out_and_said()
    {
        var bySize = Images(new ImageOptions { MaxImageBytes = Png.Length + 100 });
        Render(bySize, "![big](/assets/big.png) ![small](img/arch.png)\n");
        Assert.Equal([$"assets/big.png: is {Png.Length + 2048:N0} bytes, over the {Png.Length + 100:N0}-byte limit"], bySize.LeftOut);

        var byCount = Images(new ImageOptions { MaxImages = 1 });
        var (files, _) = Render(byCount, "![a](img/arch.png) ![g](/assets/logo.gif)\n");
        Assert.Single(files, file => file.Path.StartsWith("images/", StringComparison.Ordinal));
        Assert.Equal(["assets/logo.gif: over the limit of 1 images per site"], byCount.LeftOut);

        var byTotal = Images(new ImageOptions { MaxTotalBytes = Png.Length + 1 });
        Render(byTotal, "![a](img/arch.png) ![j](/assets/photo.jpeg)\n");
        Assert.Equal([$"assets/photo.jpeg: over the limit of {Png.Length + 1:N0} bytes of images per site"], byTotal.LeftOut);
    }

    [Fact]
    public void Remote_and_unsafe_image_urls_are_not_repository_files()
    {
        var images = Images();

        var (_, html) = Render(images, "![r](https://example.com/a.png) ![p](//cdn.example.com/a.png) ![x](javascript:alert(1))\n");

        Assert.Contains("<img src=\"https://example.com/a.png\"", html, StringComparison.Ordinal);
        Assert.Contains("<img src=\"//cdn.example.com/a.png\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.Empty(images.LeftOut);
    }

    [Fact]
    public void Rendering_the_same_repository_twice_gives_the_same_files()
    {
        const string page = "![a](img/arch.png) ![g](/assets/logo.gif)\n";
        var first = Render(Images(), page).Files;
        var second = Render(Images(), page).Files;

        Assert.Equal(first.Select(file => (file.Path, file.ContentType)), second.Select(file => (file.Path, file.ContentType)));
        Assert.Equal(first.Select(file => file.Content), second.Select(file => file.Content));
    }

    public void Dispose() => _folder.Dispose();
}

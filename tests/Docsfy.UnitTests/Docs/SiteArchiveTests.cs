using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Docsfy.Api.Docs;

namespace Docsfy.UnitTests.Docs;

public sealed class SiteArchiveTests
{
    private static readonly (string Path, string Content)[] Files =
    [
        ("assets/site.css", "body{}"),
        ("index.html", "<h1>Home</h1>"),
        ("../escape.txt", "must not be written"),
        ("guide.html", "<p>Guide</p>"),
    ];

    private static async Task<byte[]> ArchiveAsync(string folder)
    {
        using var output = new MemoryStream();
        await SiteArchive.WriteAsync(output, folder, async each =>
        {
            foreach (var (path, content) in Files)
            {
                await each(path, new MemoryStream(Encoding.UTF8.GetBytes(content)));
            }
        }, CancellationToken.None);
        return output.ToArray();
    }

    [Fact]
    public async Task Safe_files_become_regular_entries_under_the_top_folder()
    {
        var archive = await ArchiveAsync("proj-main-cursor-gpt-5");
        using var gzip = new GZipStream(new MemoryStream(archive), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        var entries = new List<(string Name, TarEntryType Type, string Content, DateTimeOffset Time)>();
        while (tar.GetNextEntry() is { } entry)
        {
            using var reader = new StreamReader(entry.DataStream!);
            entries.Add((entry.Name, entry.EntryType, reader.ReadToEnd(), entry.ModificationTime));
        }

        Assert.Equal(
            ["proj-main-cursor-gpt-5/assets/site.css", "proj-main-cursor-gpt-5/index.html", "proj-main-cursor-gpt-5/guide.html"],
            entries.Select(e => e.Name));
        Assert.All(entries, e => Assert.Equal(TarEntryType.RegularFile, e.Type));
        Assert.All(entries, e => Assert.Equal(SiteArchive.FixedTime, e.Time));
        Assert.Equal("<h1>Home</h1>", entries[1].Content);
    }

    [Fact]
    public async Task The_same_site_gives_the_same_bytes() =>
        Assert.Equal(await ArchiveAsync("same"), await ArchiveAsync("same"));

    [Fact]
    public async Task Long_names_survive()
    {
        var folder = new string('f', 240);
        var archive = await ArchiveAsync(folder);
        using var tar = new TarReader(new GZipStream(new MemoryStream(archive), CompressionMode.Decompress));
        Assert.Equal($"{folder}/assets/site.css", tar.GetNextEntry()!.Name);
    }
}

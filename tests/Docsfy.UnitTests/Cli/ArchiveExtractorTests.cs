using System.Runtime.Versioning;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Docsfy.Cli.Connection;
using Docsfy.Cli.Projects;

namespace Docsfy.UnitTests.Cli;

[UnsupportedOSPlatform("windows")] // Unix file modes
public sealed class ArchiveExtractorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("docsfy-cli-extract-").FullName;

    private string Destination => Path.Combine(_root, "site");

    private static MemoryStream Archive(params TarEntry[] entries)
    {
        var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                writer.WriteEntry(entry);
            }
        }
        buffer.Position = 0;
        return buffer;
    }

    private static PaxTarEntry File(string name, string content) =>
        new(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) };

    private static PaxTarEntry Folder(string name) => new(TarEntryType.Directory, name);

    [Fact]
    public async Task A_site_archive_unpacks_into_a_new_folder()
    {
        var archive = Archive(Folder("repo-main-offline-markdown/"), File("repo-main-offline-markdown/index.html", "<h1>Hi</h1>"),
            File("repo-main-offline-markdown/assets/site.css", "body{}"));

        var files = await new ArchiveExtractor().ExtractAsync(archive, Destination, CancellationToken.None);

        Assert.Equal(2, files);
        Assert.Equal("<h1>Hi</h1>", System.IO.File.ReadAllText(Path.Combine(Destination, "repo-main-offline-markdown", "index.html")));
        Assert.Equal("body{}", System.IO.File.ReadAllText(Path.Combine(Destination, "repo-main-offline-markdown", "assets", "site.css")));
    }

    [Theory]
    [InlineData("../escaped.txt")]
    [InlineData("site/../../escaped.txt")]
    [InlineData("/tmp/escaped.txt")]
    [InlineData("site/./x.txt")]
    [InlineData("site\\..\\..\\escaped.txt")]
    public async Task A_path_that_leaves_the_folder_is_refused_and_nothing_is_left_behind(string name)
    {
        var archive = Archive(File("site/ok.html", "fine"), File(name, "evil"));

        var failure = await Assert.ThrowsAsync<CliFailure>(() => new ArchiveExtractor().ExtractAsync(archive, Destination, CancellationToken.None));

        Assert.Equal(ExitCodes.RunFailed, failure.ExitCode);
        Assert.False(System.IO.File.Exists(Path.Combine(_root, "escaped.txt")));
        Assert.False(Directory.Exists(Destination));
    }

    [Theory]
    [InlineData(TarEntryType.SymbolicLink)]
    [InlineData(TarEntryType.HardLink)]
    public async Task Links_are_refused_so_no_later_entry_can_write_through_them(TarEntryType type)
    {
        var link = new PaxTarEntry(type, "site/link") { LinkName = "/etc" };
        var archive = Archive(link, File("site/link/passwd", "evil"));

        var failure = await Assert.ThrowsAsync<CliFailure>(() => new ArchiveExtractor().ExtractAsync(archive, Destination, CancellationToken.None));

        Assert.Contains("site/link", failure.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Destination));
    }

    [Fact]
    public async Task A_folder_that_already_holds_something_is_not_extracted_into()
    {
        Directory.CreateDirectory(Destination);
        // A link planted in the destination could lead a write anywhere: a non-empty folder is refused outright.
        System.IO.File.CreateSymbolicLink(Path.Combine(Destination, "site"), "/tmp");

        var failure = await Assert.ThrowsAsync<CliFailure>(() =>
            new ArchiveExtractor().ExtractAsync(Archive(File("site/x.html", "x")), Destination, CancellationToken.None));

        Assert.Equal(ExitCodes.Usage, failure.ExitCode);
        Assert.True(Directory.Exists(Destination));
    }

    [Fact]
    public async Task An_archive_larger_than_the_limit_is_refused()
    {
        var archive = Archive(File("site/a.html", new string('a', 600)), File("site/b.html", new string('b', 600)));

        var failure = await Assert.ThrowsAsync<CliFailure>(() =>
            new ArchiveExtractor(maxTotalBytes: 1000).ExtractAsync(archive, Destination, CancellationToken.None));

        Assert.Contains("1000 bytes", failure.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Destination));
    }

    [Fact]
    public async Task Too_many_entries_are_refused()
    {
        var archive = Archive(File("site/a", "a"), File("site/b", "b"), File("site/c", "c"));

        await Assert.ThrowsAsync<CliFailure>(() => new ArchiveExtractor(maxEntries: 2).ExtractAsync(archive, Destination, CancellationToken.None));
    }

    [Fact]
    public async Task Extracted_files_never_keep_an_executable_or_setuid_mode()
    {
        var entry = File("site/run.sh", "#!/bin/sh");
        entry.Mode = UnixFileMode.UserExecute | UnixFileMode.SetUser | UnixFileMode.UserRead | UnixFileMode.OtherWrite;

        await new ArchiveExtractor().ExtractAsync(Archive(entry), Destination, CancellationToken.None);

        var mode = System.IO.File.GetUnixFileMode(Path.Combine(Destination, "site", "run.sh"));
        Assert.Equal(UnixFileMode.None, mode & (UnixFileMode.UserExecute | UnixFileMode.SetUser | UnixFileMode.OtherWrite));
    }

    [Theory]
    [InlineData("repo-main-offline-markdown.tar.gz", "repo-main-offline-markdown.tar.gz")]
    [InlineData("../../etc/cron.d/x", null)]
    [InlineData(".bashrc", null)]
    [InlineData("a/b.tar.gz", null)]
    [InlineData(null, null)]
    public void Only_a_plain_file_name_the_server_suggests_is_used(string? suggested, string? used) =>
        Assert.Equal(used, DownloadCommand.SafeFileName(suggested));

    public void Dispose() => Directory.Delete(_root, recursive: true);
}

using Docsfy.Worker.Cloning;
using LibGit2Sharp;

namespace Docsfy.WorkerTests.Cloning;

public sealed class LocalCloneTests : IDisposable
{
    private readonly SourceRepository _source = new();
    private readonly TempFolder _scratch = new();

    [Fact]
    public async Task Clones_the_requested_branch_and_records_its_commit()
    {
        _source.Commit("first", ("README.md", "# main"));
        _source.SwitchToNewBranch("develop");
        var developSha = _source.Commit("second", ("README.md", "# develop"), ("src/app.cs", "class App {}"));

        var checkout = await Cloners.Create().CloneLocalAsync(_source.Path, "develop", _scratch.Child("co"));

        Assert.Equal(developSha, checkout.CommitSha);
        Assert.Equal("# develop", await File.ReadAllTextAsync(Path.Combine(checkout.Directory, "README.md")));
        Assert.True(File.Exists(Path.Combine(checkout.Directory, "src", "app.cs")));
        using var clone = new Repository(checkout.Directory);
        Assert.Equal(developSha, clone.Head.Tip.Sha);
    }

    [Fact]
    public async Task Never_writes_into_the_source_repository()
    {
        _source.Commit("first", ("README.md", "hello"));
        var before = _source.Snapshot();

        await Cloners.Create().CloneLocalAsync(_source.Path, "main", _scratch.Child("co"));

        Assert.Equal(before, _source.Snapshot());
    }

    [Fact]
    public async Task A_missing_branch_fails_with_a_clear_message()
    {
        _source.Commit("first", ("README.md", "hello"));
        var target = _scratch.Child("co");

        var error = await Assert.ThrowsAsync<CloneFailedException>(() =>
            Cloners.Create().CloneLocalAsync(_source.Path, "nope", target));

        Assert.Equal("The branch 'nope' does not exist in the repository.", error.Message);
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public async Task A_folder_that_is_not_a_repository_fails_with_a_clear_message()
    {
        var plain = _scratch.Child("plain");
        Directory.CreateDirectory(plain);

        var error = await Assert.ThrowsAsync<CloneFailedException>(() =>
            Cloners.Create().CloneLocalAsync(plain, "main", _scratch.Child("co")));

        Assert.Contains("is not a git repository", error.Message);
    }

    [Theory]
    [InlineData("/nonexistent/docsfy/repo")]
    [InlineData("relative/path")]
    public async Task A_missing_or_relative_folder_fails(string path)
    {
        var error = await Assert.ThrowsAsync<CloneFailedException>(() =>
            Cloners.Create().CloneLocalAsync(path, "main", _scratch.Child("co")));

        Assert.Contains("does not exist", error.Message);
    }

    [Theory]
    [InlineData("feature/x")]
    [InlineData("--upload-pack=touch")]
    [InlineData("a..b")]
    public async Task An_invalid_branch_name_is_refused_before_anything_runs(string branch)
    {
        var error = await Assert.ThrowsAsync<CloneFailedException>(() =>
            Cloners.Create().CloneLocalAsync(_source.Path, branch, _scratch.Child("co")));

        Assert.Contains("not a valid branch name", error.Message);
    }

    [Fact]
    public async Task An_existing_target_is_a_programming_error()
    {
        _source.Commit("first", ("a.txt", "a"));

        await Assert.ThrowsAsync<ArgumentException>(() => Cloners.Create().CloneLocalAsync(_source.Path, "main", _scratch.Path));
    }

    [Fact]
    public async Task Symbolic_links_are_never_created_in_the_checkout()
    {
        var outside = _scratch.Child("outside");
        Directory.CreateDirectory(outside);
        await File.WriteAllTextAsync(Path.Combine(outside, "secret.txt"), "secret");
        _source.CommitTree("links", tree => tree
            .Add("README.md", _source.Blob("readme"), Mode.NonExecutableFile)
            .Add("passwd", _source.Blob("/etc/passwd"), Mode.SymbolicLink)
            .Add("docs/outside", _source.Blob(outside), Mode.SymbolicLink)
            .Add("docs/readme-link", _source.Blob("../README.md"), Mode.SymbolicLink));

        var checkout = await Cloners.Create().CloneLocalAsync(_source.Path, "main", _scratch.Child("co"));

        var everything = Directory.EnumerateFileSystemEntries(checkout.Directory, "*", SearchOption.AllDirectories)
            .Where(path => !path.Contains("/.git", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(everything, path => new FileInfo(path).LinkTarget is not null);
        Assert.Equal(["README.md"], new CheckoutFiles(checkout).List().Files.Select(f => f.Path));
        Assert.False(File.Exists(Path.Combine(checkout.Directory, "passwd")));
    }

    [Fact]
    public async Task Submodules_are_not_cloned_and_do_not_fail_the_clone()
    {
        var sha = _source.CommitTree("submodule", tree => tree
            .Add(".gitmodules", _source.Blob("[submodule \"lib\"]\n\tpath = lib\n\turl = https://github.com/example/lib.git\n"),
                Mode.NonExecutableFile)
            .AddGitLink("lib", new ObjectId("0123456789abcdef0123456789abcdef01234567"))
            .Add("README.md", _source.Blob("readme"), Mode.NonExecutableFile));

        var checkout = await Cloners.Create().CloneLocalAsync(_source.Path, "main", _scratch.Child("co"));

        Assert.Equal(sha, checkout.CommitSha);
        Assert.True(File.Exists(Path.Combine(checkout.Directory, ".gitmodules")));
        var lib = Path.Combine(checkout.Directory, "lib");
        Assert.True(!Directory.Exists(lib) || !Directory.EnumerateFileSystemEntries(lib).Any());
    }

    [Fact]
    public async Task A_transfer_over_the_size_limit_fails()
    {
        var noise = new byte[3 * 1024 * 1024];
        new Random(7).NextBytes(noise);
        _source.CommitTree("noise", tree => tree.Add("noise.bin", _source.Blob(new MemoryStream(noise)), Mode.NonExecutableFile));
        var target = _scratch.Child("co");

        var error = await Assert.ThrowsAsync<CloneFailedException>(() =>
            Cloners.Create(o => o.MaxBytes = 1024 * 1024).CloneLocalAsync(_source.Path, "main", target));

        Assert.Contains("size limit (1 MB)", error.Message);
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public async Task A_small_pack_that_expands_past_the_size_limit_fails_before_checkout()
    {
        // 200 MB of zeros: a sparse file on disk, a few hundred KB once compressed, far over the limit once checked out.
        var sparse = _scratch.Child("zeros");
        using (var file = File.Create(sparse))
        {
            file.SetLength(200L * 1024 * 1024);
        }
        using (var zeros = File.OpenRead(sparse))
        {
            var blob = _source.Blob(zeros);
            _source.CommitTree("zeros", tree => tree.Add("zeros.bin", blob, Mode.NonExecutableFile));
        }
        var target = _scratch.Child("co");

        var error = await Assert.ThrowsAsync<CloneFailedException>(() =>
            Cloners.Create(o => o.MaxBytes = 50L * 1024 * 1024).CloneLocalAsync(_source.Path, "main", target));

        Assert.Contains("size limit (50 MB)", error.Message);
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public async Task More_files_than_the_limit_fail_before_checkout()
    {
        var blob = _source.Blob("same content");
        _source.CommitTree("many", tree =>
        {
            for (var i = 0; i < 3000; i++)
            {
                tree.Add($"dir{i % 10}/file{i}.txt", blob, Mode.NonExecutableFile);
            }
        });

        var error = await Assert.ThrowsAsync<CloneFailedException>(() =>
            Cloners.Create(o => o.MaxFiles = 1000).CloneLocalAsync(_source.Path, "main", _scratch.Child("co")));

        Assert.Contains("more than 1,000 files", error.Message);
    }

    [Fact]
    public async Task A_cancelled_token_throws_operation_cancelled()
    {
        _source.Commit("first", ("a.txt", "a"));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Cloners.Create().CloneLocalAsync(_source.Path, "main", _scratch.Child("co"), cancelled.Token));
    }

    [Fact]
    public async Task A_file_name_that_is_not_utf8_does_not_break_the_clone()
    {
        _source.Commit("first", ("README.md", "readme"));
        RawNames.CreateFile(_source.Path, @"bad\377name.txt");
        _source.Git("git read-tree HEAD && git add -- \"$(printf 'bad\\377name.txt')\" && git commit -qm raw");

        var checkout = await Cloners.Create().CloneLocalAsync(_source.Path, "main", _scratch.Child("co"));

        var listing = new CheckoutFiles(checkout).List();
        Assert.Contains(listing.Files, file => file.Path == "README.md");
        Assert.Equal(1, listing.SkippedNames);
    }

    public void Dispose()
    {
        _source.Dispose();
        _scratch.Dispose();
    }
}

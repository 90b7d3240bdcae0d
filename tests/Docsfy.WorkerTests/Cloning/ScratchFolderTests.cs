using Docsfy.Worker.Cloning;

namespace Docsfy.WorkerTests.Cloning;

/// <summary>Scratch folders start empty, whatever an earlier attempt of the same run left in them.</summary>
public sealed class ScratchFolderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void CreateEmpty_makes_a_missing_folder()
    {
        var run = _folder.Child("run");

        ScratchFolder.CreateEmpty(run);

        Assert.True(Directory.Exists(run));
        Assert.Empty(Directory.EnumerateFileSystemEntries(run));
    }

    [Fact]
    public void CreateEmpty_removes_a_dead_attempts_checkout_and_owner_file()
    {
        var run = _folder.Child("run");
        Directory.CreateDirectory(Path.Combine(run, "checkout", ".git"));
        File.WriteAllText(Path.Combine(run, "checkout", ".git", "HEAD"), "ref: refs/heads/main");
        File.WriteAllText(Path.Combine(run, ".docsfy-worker"), "12345");
        var outside = _folder.Child("outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "keep.txt"), "not the run's");
        File.CreateSymbolicLink(Path.Combine(run, "link"), outside);

        ScratchFolder.CreateEmpty(run);

        Assert.True(Directory.Exists(run));
        Assert.Empty(Directory.EnumerateFileSystemEntries(run));
        Assert.True(File.Exists(Path.Combine(outside, "keep.txt"))); // a link in the old folder is removed, not followed
    }

    public void Dispose() => _folder.Dispose();
}

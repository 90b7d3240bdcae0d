using Docsfy.Worker.Cloning;
using LibGit2Sharp;

namespace Docsfy.WorkerTests.Cloning;

public sealed class RepositoryDiffTests : IDisposable
{
    private const string Unchanged = "line 1\nline 2\nline 3\nline 4\nline 5\nline 6\nline 7\nline 8\n";
    private readonly SourceRepository _source = new();

    [Fact]
    public void Lists_added_modified_deleted_and_renamed_files_with_their_patches()
    {
        var before = _source.Commit("first",
            ("src/app.cs", "class App { int Version = 1; }\n"), ("old.txt", "goes away\n"), ("docs/guide.md", Unchanged),
            ("same.txt", "untouched\n"));
        var after = _source.CommitTree("second", tree =>
        {
            tree.Add("src/app.cs", _source.Blob("class App { int Version = 2; }\n"), Mode.NonExecutableFile);
            tree.Add("src/new.cs", _source.Blob("class New {}\n"), Mode.NonExecutableFile);
            tree.Remove("old.txt");
            tree.Remove("docs/guide.md");
            tree.Add("docs/manual.md", _source.Blob(Unchanged), Mode.NonExecutableFile);
        });

        var diff = RepositoryDiff.Between(_source.Path, before, after);

        Assert.False(diff.Truncated);
        var files = diff.Files.ToDictionary(file => file.Path);
        Assert.Equal(["docs/manual.md", "old.txt", "src/app.cs", "src/new.cs"], files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("modified", files["src/app.cs"].Status);
        Assert.Contains("-class App { int Version = 1; }", files["src/app.cs"].Patch, StringComparison.Ordinal);
        Assert.Contains("+class App { int Version = 2; }", files["src/app.cs"].Patch, StringComparison.Ordinal);
        Assert.Equal("added", files["src/new.cs"].Status);
        Assert.Contains("+class New {}", files["src/new.cs"].Patch, StringComparison.Ordinal);
        Assert.Equal("deleted", files["old.txt"].Status);
        Assert.Contains("-goes away", files["old.txt"].Patch, StringComparison.Ordinal);
        Assert.Equal("renamed", files["docs/manual.md"].Status);
        Assert.Equal("docs/guide.md", files["docs/manual.md"].OldPath);
    }

    [Fact]
    public void The_summary_lists_each_change_and_renames_as_old_to_new()
    {
        var before = _source.Commit("first", ("a.txt", "a\n"), ("docs/guide.md", Unchanged));
        var after = _source.CommitTree("second", tree =>
        {
            tree.Add("a.txt", _source.Blob("b\n"), Mode.NonExecutableFile);
            tree.Remove("docs/guide.md");
            tree.Add("docs/manual.md", _source.Blob(Unchanged), Mode.NonExecutableFile);
        });

        var summary = RepositoryDiff.Between(_source.Path, before, after).Summary();

        Assert.Equal(["modified a.txt", "renamed docs/guide.md -> docs/manual.md"],
            summary.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_binary_file_is_listed_without_a_patch()
    {
        var before = _source.Commit("first", ("README.md", "hi\n"));
        var after = _source.CommitTree("second", tree =>
            tree.Add("logo.png", _source.Blob(new MemoryStream([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 1, 2, 3])), Mode.NonExecutableFile));

        var diff = RepositoryDiff.Between(_source.Path, before, after);

        var file = Assert.Single(diff.Files);
        Assert.Equal(("logo.png", "added", ""), (file.Path, file.Status, file.Patch));
        Assert.Equal("Binary or empty change: logo.png\n", diff.Patch());
    }

    [Fact]
    public void A_huge_patch_of_one_file_is_cut_to_the_per_file_bound()
    {
        var before = _source.Commit("first", ("small.txt", "a\n"), ("big.txt", ""));
        var after = _source.Commit("second", ("small.txt", "b\n"), ("big.txt", Lines(RepositoryDiff.MaxPatchCharsPerFile)));

        var diff = RepositoryDiff.Between(_source.Path, before, after);

        Assert.True(diff.Truncated);
        Assert.Equal(RepositoryDiff.MaxPatchCharsPerFile, diff.Files.Single(file => file.Path == "big.txt").Patch.Length);
        Assert.Contains("+b", diff.Files.Single(file => file.Path == "small.txt").Patch, StringComparison.Ordinal);
        Assert.EndsWith("(more changes were left out)\n", diff.Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public void All_patches_together_are_cut_to_the_total_bound()
    {
        // Each file's patch is cut to the per-file bound; together they overflow the total.
        var files = RepositoryDiff.MaxPatchChars / RepositoryDiff.MaxPatchCharsPerFile + 3;
        var before = _source.Commit("first", ("README.md", "hi\n"));
        var after = _source.Commit("second",
            [.. Enumerable.Range(0, files).Select(i => ($"f{i:D2}.txt", Lines(RepositoryDiff.MaxPatchCharsPerFile)))]);

        var diff = RepositoryDiff.Between(_source.Path, before, after);

        Assert.True(diff.Truncated);
        Assert.Equal(files, diff.Files.Count); // every change is still listed
        Assert.Equal(RepositoryDiff.MaxPatchChars, diff.Files.Sum(file => file.Patch.Length));
        var leftOut = Assert.Single(diff.Files, file => file.Patch.Length == 0 && file.Path == $"f{files - 1:D2}.txt");
        Assert.True(leftOut.Cut);
        // The AI is told a patch was left out for size, not that the file was binary or empty.
        Assert.Contains($"Patch left out (size limit): {leftOut.Path}", diff.Patch(), StringComparison.Ordinal);
        Assert.DoesNotContain("Binary or empty change", diff.Patch(), StringComparison.Ordinal);
        Assert.Contains("[... the rest of the patch of f00.txt was left out (size limit)]", diff.Patch(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_small_change_is_not_truncated_and_its_summary_says_nothing_was_left_out()
    {
        var before = _source.Commit("first", ("a.txt", "a\n"));
        var after = _source.Commit("second", ("a.txt", "b\n"));

        var diff = RepositoryDiff.Between(_source.Path, before, after);

        Assert.False(diff.Truncated);
        Assert.Equal("modified a.txt\n", diff.Summary().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_new_commit_with_the_same_files_has_no_changes()
    {
        var before = _source.Commit("first", ("a.txt", "a\n"));
        var after = _source.CommitTree("empty", _ => { });

        var diff = RepositoryDiff.Between(_source.Path, before, after);

        Assert.NotEqual(before, after);
        Assert.Empty(diff.Files);
        Assert.False(diff.Truncated);
        Assert.Equal("", diff.Summary());
        Assert.Equal("", diff.PatchRelevantTo("# Page\n"));
    }

    [Fact]
    public void A_commit_missing_from_the_clone_throws()
    {
        var sha = _source.Commit("first", ("a.txt", "a\n"));
        var unknown = new string('1', 40);

        Assert.Throws<NotFoundException>(() => RepositoryDiff.Between(_source.Path, unknown, sha));
        Assert.Throws<NotFoundException>(() => RepositoryDiff.Between(_source.Path, sha, unknown));
    }

    [Fact]
    public void A_page_is_shown_only_the_patches_of_the_files_it_mentions()
    {
        var before = _source.Commit("first", ("src/Server.cs", "port 80\n"), ("src/Client.cs", "retry 1\n"), ("docs/a.md", "x\n"));
        var after = _source.Commit("second", ("src/Server.cs", "port 8080\n"), ("src/Client.cs", "retry 3\n"), ("docs/a.md", "y\n"));
        var diff = RepositoryDiff.Between(_source.Path, before, after);

        var byPath = diff.PatchRelevantTo("The server is configured in `src/Server.cs`.");
        var byName = diff.PatchRelevantTo("See Client.cs for the retry policy.");

        Assert.Contains("+port 8080", byPath, StringComparison.Ordinal);
        Assert.DoesNotContain("retry", byPath, StringComparison.Ordinal);
        Assert.Contains("+retry 3", byName, StringComparison.Ordinal);
        Assert.DoesNotContain("port", byName, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_that_mentions_a_renamed_file_by_its_old_path_gets_its_patch()
    {
        var before = _source.Commit("first", ("cfg/settings.ini", Unchanged), ("other.txt", "a\n"));
        var after = _source.CommitTree("second", tree =>
        {
            tree.Remove("cfg/settings.ini");
            tree.Add("cfg/options.ini", _source.Blob(Unchanged + "line 9\n"), Mode.NonExecutableFile);
            tree.Add("other.txt", _source.Blob("b\n"), Mode.NonExecutableFile);
        });
        var diff = RepositoryDiff.Between(_source.Path, before, after);

        var relevant = diff.PatchRelevantTo("Edit settings.ini to configure it.");

        Assert.Contains("+line 9", relevant, StringComparison.Ordinal);
        Assert.DoesNotContain("other.txt", relevant, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_that_mentions_no_changed_file_gets_the_whole_patch()
    {
        var before = _source.Commit("first", ("src/Server.cs", "port 80\n"), ("src/Client.cs", "retry 1\n"));
        var after = _source.Commit("second", ("src/Server.cs", "port 8080\n"), ("src/Client.cs", "retry 3\n"));
        var diff = RepositoryDiff.Between(_source.Path, before, after);

        var relevant = diff.PatchRelevantTo("# Overview\n\nA general introduction.\n");

        Assert.Equal(diff.Patch(), relevant);
        Assert.Contains("+port 8080", relevant, StringComparison.Ordinal);
        Assert.Contains("+retry 3", relevant, StringComparison.Ordinal);
    }

    /// <summary>Text of numbered lines, at least <paramref name="chars"/> long, so its patch is longer still.</summary>
    private static string Lines(int chars)
    {
        var text = new System.Text.StringBuilder();
        for (var i = 0; text.Length < chars; i++)
        {
            text.Append("line ").Append(i).Append('\n');
        }
        return text.ToString();
    }

    public void Dispose() => _source.Dispose();
}

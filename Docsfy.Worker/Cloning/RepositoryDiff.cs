using System.Text;
using LibGit2Sharp;

namespace Docsfy.Worker.Cloning;

/// <summary>
/// One changed path between two commits (<see cref="OldPath"/> differs from <see cref="Path"/> for a rename).
/// <see cref="Cut"/> says its patch was shortened, or left out, to stay within the size bounds.
/// </summary>
public sealed record ChangedFile(string Path, string OldPath, string Status, string Patch, bool Cut = false);

/// <summary>
/// What changed between the commit a variant was documented from and the commit being documented now: the changed
/// paths and their text patches, bounded in size (repository contents are untrusted and may be huge). Binary files
/// are listed without a patch.
/// </summary>
public sealed class RepositoryDiff
{
    public const int MaxFiles = 2_000;
    public const int MaxPatchCharsPerFile = 20_000;
    public const int MaxPatchChars = 400_000;

    private RepositoryDiff(IReadOnlyList<ChangedFile> files, bool truncated)
    {
        Files = files;
        Truncated = truncated;
    }

    public IReadOnlyList<ChangedFile> Files { get; }

    /// <summary>True when files or patch text were left out to stay within the bounds.</summary>
    public bool Truncated { get; }

    /// <summary>
    /// The changes from <paramref name="baseSha"/> to <paramref name="headSha"/> in the repository at
    /// <paramref name="directory"/>; both commits must be present. Throws <see cref="LibGit2SharpException"/> when
    /// they are not.
    /// </summary>
    public static RepositoryDiff Between(string directory, string baseSha, string headSha)
    {
        using var repository = new Repository(directory);
        var before = repository.Lookup<Commit>(baseSha) ?? throw new NotFoundException($"Commit {baseSha} is not in the clone.");
        var after = repository.Lookup<Commit>(headSha) ?? throw new NotFoundException($"Commit {headSha} is not in the clone.");
        var changes = repository.Diff.Compare<TreeChanges>(before.Tree, after.Tree);
        if (changes.Count == 0)
        {
            // A new commit with the same tree (an empty commit, a revert of a revert); LibGit2Sharp refuses a patch of no paths.
            return new RepositoryDiff([], truncated: false);
        }
        var truncated = changes.Count > MaxFiles;
        var listed = changes.Take(MaxFiles).ToList();
        var patches = repository.Diff.Compare<Patch>(before.Tree, after.Tree, listed.Select(change => change.Path)
            .Concat(listed.Select(change => change.OldPath)).Distinct(StringComparer.Ordinal));

        var files = new List<ChangedFile>(listed.Count);
        var budget = MaxPatchChars;
        foreach (var change in listed)
        {
            var entry = patches[change.Path];
            var patch = entry is null || entry.IsBinaryComparison ? "" : entry.Patch;
            var cut = patch.Length > MaxPatchCharsPerFile || patch.Length > budget;
            if (cut)
            {
                patch = patch[..Math.Min(Math.Min(patch.Length, MaxPatchCharsPerFile), budget)];
                truncated = true;
            }
            budget -= patch.Length;
            files.Add(new ChangedFile(change.Path, change.OldPath, change.Status.ToString().ToLowerInvariant(), patch, cut));
        }
        return new RepositoryDiff(files, truncated);
    }

    /// <summary>The list of changed paths, one per line, as "status path" (or "renamed old -> new").</summary>
    public string Summary()
    {
        var summary = new StringBuilder();
        foreach (var file in Files)
        {
            summary.Append(file.Status).Append(' ')
                .AppendLine(file.OldPath == file.Path ? file.Path : $"{file.OldPath} -> {file.Path}");
        }
        if (Truncated)
        {
            summary.AppendLine("(more changes were left out)");
        }
        return summary.ToString();
    }

    /// <summary>The whole bounded patch.</summary>
    public string Patch() => Join(Files);

    /// <summary>
    /// The part of the patch that concerns a page: the changed files the page mentions (by path or file name). When it
    /// mentions none, the whole bounded patch, since the page may still describe what changed.
    /// </summary>
    public string PatchRelevantTo(string pageText)
    {
        var mentioned = Files.Where(file => Mentions(pageText, file.Path) || Mentions(pageText, file.OldPath)).ToList();
        return Join(mentioned.Count > 0 ? mentioned : Files);
    }

    private static bool Mentions(string text, string path) =>
        text.Contains(path, StringComparison.Ordinal)
        || (System.IO.Path.GetFileName(path) is { Length: >= 3 } name && text.Contains(name, StringComparison.Ordinal));

    private static string Join(IEnumerable<ChangedFile> files)
    {
        var patch = new StringBuilder();
        foreach (var file in files)
        {
            patch.Append(file.Patch.Length > 0 ? file.Patch
                : file.Cut ? $"Patch left out (size limit): {file.Path}\n"
                : $"Binary or empty change: {file.Path}\n");
            if (patch.Length > 0 && patch[^1] != '\n')
            {
                patch.Append('\n');
            }
            if (file.Cut && file.Patch.Length > 0)
            {
                patch.Append($"[... the rest of the patch of {file.Path} was left out (size limit)]\n");
            }
        }
        return patch.ToString();
    }
}

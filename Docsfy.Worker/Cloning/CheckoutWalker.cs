namespace Docsfy.Worker.Cloning;

/// <summary>
/// Walks a checkout depth-first in ordinal order, never descending into a symbolic link and never into <c>.git</c>.
/// Links are reported, not followed, whether they point at files or folders.
/// </summary>
internal static class CheckoutWalker
{
    private static readonly EnumerationOptions OneLevel = new()
    {
        RecurseSubdirectories = false,
        AttributesToSkip = 0,
        IgnoreInaccessible = true,
        ReturnSpecialDirectories = false,
    };

    public static IEnumerable<WalkEntry> Walk(string root)
    {
        var pending = new Stack<(DirectoryInfo Directory, string Relative)>();
        pending.Push((new DirectoryInfo(root), ""));
        while (pending.TryPop(out var current))
        {
            var children = current.Directory.EnumerateFileSystemInfos("*", OneLevel)
                .OrderBy(info => info.Name, StringComparer.Ordinal)
                .ToList();
            var subdirectories = new List<(DirectoryInfo, string)>();
            foreach (var child in children)
            {
                var relative = current.Relative.Length == 0 ? child.Name : current.Relative + "/" + child.Name;
                var kind = KindOf(child);
                if (kind == WalkEntryKind.Directory)
                {
                    if (!IsGitFolder(child.Name))
                    {
                        subdirectories.Add(((DirectoryInfo)child, relative));
                    }
                    continue;
                }
                yield return new WalkEntry(child, relative, kind);
            }
            for (var i = subdirectories.Count - 1; i >= 0; i--)
            {
                pending.Push(subdirectories[i]);
            }
        }
    }

    public static bool IsGitFolder(string name) => string.Equals(name, ".git", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for symbolic links, dangling ones included (readlink(2) answers for those; attributes do not).</summary>
    public static bool IsLink(FileSystemInfo info) =>
        info.LinkTarget is not null || (info.Exists && info.Attributes.HasFlag(FileAttributes.ReparsePoint));

    private static WalkEntryKind KindOf(FileSystemInfo info) =>
        info.Name.Contains('\uFFFD') ? WalkEntryKind.UnreadableName
        : IsLink(info) ? WalkEntryKind.Link
        : info is DirectoryInfo ? WalkEntryKind.Directory
        : WalkEntryKind.File;
}

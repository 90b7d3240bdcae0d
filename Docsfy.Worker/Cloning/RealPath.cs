namespace Docsfy.Worker.Cloning;

/// <summary>Resolves every symbolic link in a path, like realpath(3), so containment can be checked on real locations.</summary>
internal static class RealPath
{
    // As the kernel does (ELOOP), give up on link chains that do not end.
    private const int MaxLinks = 40;

    public static string Resolve(string path)
    {
        var pending = new Queue<string>(Split(Path.GetFullPath(path)));
        var resolved = Path.GetPathRoot(Path.GetFullPath(path))!;
        var links = 0;
        while (pending.TryDequeue(out var part))
        {
            var next = Path.Join(resolved, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                resolved = next;
                continue;
            }
            if (++links > MaxLinks)
            {
                throw new IOException("Too many levels of symbolic links.");
            }
            // Start again from the link's target (absolute, or relative to the folder holding the link).
            var rest = pending.ToList();
            var absolute = Path.GetFullPath(target, resolved);
            pending = new Queue<string>(Split(absolute).Concat(rest));
            resolved = Path.GetPathRoot(absolute)!;
        }
        return resolved;
    }

    public static bool IsInside(string path, string root) =>
        path.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string[] Split(string fullPath) =>
        fullPath[Path.GetPathRoot(fullPath)!.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
}

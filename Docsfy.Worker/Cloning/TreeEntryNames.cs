namespace Docsfy.Worker.Cloning;

/// <summary>
/// Names a commit's tree may hold but a checkout must never write: git itself refuses them, and so does libgit2, but
/// deep inside the checkout with a message nobody could act on. Checked while the tree is measured, before a byte is
/// written, so the run ends saying which path was refused and why.
/// </summary>
internal static class TreeEntryNames
{
    /// <summary>Why a tree entry called <paramref name="name"/> may not be checked out, or null when it may.</summary>
    public static string? Problem(string name)
    {
        if (name is "" or "." or ".." || name.Split('/', '\\').Contains(".."))
        {
            return "a path segment of '.' or '..' would lead outside the checkout folder";
        }
        if (name.IndexOfAny(['/', '\\', '\0']) >= 0)
        {
            return "a name with a slash, backslash or NUL would name a file in another folder";
        }
        // ".git" in any case (and the forms Windows and macOS file systems read as it) is git's own folder: a file
        // there would rewrite the checkout's configuration or hooks.
        var trimmed = name.TrimEnd('.', ' ');
        if (trimmed.Equals(".git", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("git~1", StringComparison.OrdinalIgnoreCase))
        {
            return "'.git' is reserved for git's own files";
        }
        return null;
    }

    /// <summary>A path as it may appear in a message: control characters (a name may hold any) shown as '?'.</summary>
    public static string Printable(string path) =>
        string.Concat(path.Select(c => char.IsControl(c) ? '?' : c));
}

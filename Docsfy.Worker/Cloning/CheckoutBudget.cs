using LibGit2Sharp;

namespace Docsfy.Worker.Cloning;

/// <summary>
/// Measures a commit's tree before it is checked out: file count and total size come from object headers, so an
/// oversized checkout is refused without writing a byte of it, and so is a name no checkout may write
/// (<see cref="TreeEntryNames"/>). Returns the paths of symbolic links on the way.
/// </summary>
internal static class CheckoutBudget
{
    public static IReadOnlyList<string> Check(Repository repository, Tree tree, CloningOptions options, CloneGuard guard)
    {
        long files = 0, bytes = 0;
        var links = new List<string>();
        var pending = new Stack<Tree>([tree]);
        while (pending.TryPop(out var current))
        {
            guard.ThrowIfStopped();
            foreach (var entry in current)
            {
                if (TreeEntryNames.Problem(entry.Name) is { } problem)
                {
                    throw new CloneFailedException(
                        $"The repository holds a path Docsfy refuses to check out, '{TreeEntryNames.Printable(entry.Path)}': {problem}.");
                }
                switch (entry.TargetType)
                {
                    case TreeEntryTargetType.Tree:
                        pending.Push((Tree)entry.Target);
                        break;
                    case TreeEntryTargetType.Blob:
                        if (entry.Mode == Mode.SymbolicLink)
                        {
                            links.Add(entry.Path);
                        }
                        bytes += repository.ObjectDatabase.RetrieveObjectMetadata(entry.Target.Id).Size;
                        if (++files > options.MaxFiles)
                        {
                            throw new CloneFailedException(
                                $"The repository has more than {options.MaxFiles:N0} files, the limit for one checkout.");
                        }
                        if (bytes > options.MaxBytes)
                        {
                            throw guard.TooLarge();
                        }
                        break;
                    // Submodules (GitLink) are never fetched: their folder stays empty.
                }
            }
        }
        return links;
    }
}

using LibGit2Sharp;

namespace Docsfy.Worker.Cloning;

/// <summary>
/// Keeps symbolic links out of checkouts. A repository can hold a link to <c>/etc/passwd</c> or
/// <c>/proc/self/environ</c>; the AI tools run inside the checkout and would follow it. So links are checked out as the
/// small text files git writes where links are unsupported (<c>core.symlinks=false</c>), and those files are then removed:
/// a link's target path is not documentation.
/// </summary>
internal static class CheckoutLinks
{
    public static void NeverCreate(Repository repository) =>
        repository.Config.Set("core.symlinks", false, ConfigurationLevel.Local);

    public static void RemovePlaceholders(string root, IEnumerable<string> linkPaths)
    {
        foreach (var path in linkPaths)
        {
            var file = new FileInfo(Path.Join(root, path));
            // Git paths never hold '..' (libgit2 refuses them at checkout) and no links exist, so this stays inside root.
            if (file.Exists && file.LinkTarget is null)
            {
                file.Delete();
            }
        }
    }
}

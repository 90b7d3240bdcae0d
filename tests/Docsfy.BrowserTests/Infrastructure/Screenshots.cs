namespace Docsfy.BrowserTests.Infrastructure;

/// <summary>
/// Screenshots as test artifacts, in <c>artifacts/screenshots/</c> of the repository (scripts/test keeps everything
/// under <c>artifacts/</c>): the main screens by name, and each tab's last state in <c>last-state/</c>, which shows
/// what a failed test was looking at.
/// </summary>
public static class Screenshots
{
    public static string Directory { get; } = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    public static async Task SaveAsync(IPage page, string name, bool fullPage = false)
    {
        System.IO.Directory.CreateDirectory(Directory);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(Directory, $"{name}.png"),
            FullPage = fullPage,
            Animations = ScreenshotAnimations.Disabled,
        });
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Docsfy.sln")))
            {
                return folder.FullName;
            }
        }
        return AppContext.BaseDirectory;
    }
}

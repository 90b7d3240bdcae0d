namespace Docsfy.AppHostTests.Deployment;

/// <summary>The checkout the tests run from: the nearest folder above the test binaries that holds Docsfy.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string File(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(folder.FullName, "Docsfy.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No Docsfy.sln above {AppContext.BaseDirectory}.");
    }
}

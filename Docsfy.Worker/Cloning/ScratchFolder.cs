namespace Docsfy.Worker.Cloning;

internal static class ScratchFolder
{
    /// <summary>Removes a folder Docsfy created; a failure only leaves scratch files behind, so it is not an error.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                // Git marks object files read-only; on Unix that does not stop deletion. Links are removed, not followed.
                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}

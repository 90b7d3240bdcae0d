using System.Runtime.Versioning;

namespace Docsfy.AppHost.Infrastructure;

/// <summary>A generated secret kept in a 0600 file, so a persistent data folder keeps working across restarts.</summary>
[UnsupportedOSPlatform("windows")] // Debian paths, setpriv and Unix file modes
internal static class SecretFile
{
    /// <summary>Returns the secret stored at <paramref name="path"/>, generating and storing it first if missing.</summary>
    public static string ReadOrCreate(string path, Func<string> generate)
    {
        if (File.Exists(path))
        {
            var existing = File.ReadAllText(path).Trim();
            if (existing.Length > 0)
            {
                return existing;
            }
        }

        var secret = generate();
        WritePrivate(path, secret);
        return secret;
    }

    /// <summary>Writes <paramref name="content"/> to a file that is 0600 from its creation, never readable by others.</summary>
    public static void WritePrivate(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(path); // UnixCreateMode applies only to a new file
        using var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
        using var writer = new StreamWriter(stream);
        writer.Write(content);
    }
}

using System.Text.Json;

namespace Docsfy.Cli.Connection.Profiles;

/// <summary>
/// Reads and writes the profile file. The file holds API keys, so it is only ever created with mode 0600 in a folder
/// with mode 0700, and replaced by rename so a reader never sees half a file and a crash never leaves one.
/// </summary>
public sealed class ProfileStore(string path)
{
    public const string DefaultProfileName = "default";

    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = OwnerOnlyFile | UnixFileMode.UserExecute;

    public string Path { get; } = path;

    public ProfilesFile Load()
    {
        if (!File.Exists(Path))
        {
            return new ProfilesFile();
        }
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(Path) & ~OwnerOnlyFile) != 0)
        {
            // Like ssh with a private key: a key file others can read is not used, so the mistake gets noticed.
            throw new CliFailure(ExitCodes.Auth, $"{Path} can be read by other users; run: chmod 600 {Path}");
        }
        try
        {
            var text = File.ReadAllText(Path);
            return JsonSerializer.Deserialize(text, ProfilesJsonContext.Default.ProfilesFile) ?? new ProfilesFile();
        }
        catch (JsonException)
        {
            throw new CliFailure(ExitCodes.Usage, $"{Path} is not a readable profile file; log in again or remove it.");
        }
    }

    public void Save(ProfilesFile profiles)
    {
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, OwnerOnlyFolder);
        }
        var temporary = System.IO.Path.Combine(folder, $".profiles-{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }
        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                JsonSerializer.Serialize(stream, profiles, ProfilesJsonContext.Default.ProfilesFile);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, Path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}

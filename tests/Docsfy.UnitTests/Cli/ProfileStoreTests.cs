using System.Runtime.Versioning;
using Docsfy.Cli.Connection;
using Docsfy.Cli.Connection.Profiles;

namespace Docsfy.UnitTests.Cli;

[UnsupportedOSPlatform("windows")] // Unix file modes
public sealed class ProfileStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("docsfy-cli-profiles-").FullName;

    private string ProfilesPath => Path.Combine(_root, "config", "docsfy", "profiles.json");

    [Fact]
    public void Saved_profiles_are_readable_by_their_owner_alone_and_read_back_the_same()
    {
        var store = new ProfileStore(ProfilesPath);
        var file = new ProfilesFile { Default = "work" };
        file.Profiles["work"] = new Profile("http://localhost:8000/", "alice", "docsfy_secret-key-0123456789");
        store.Save(file);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ProfilesPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(Path.GetDirectoryName(ProfilesPath)!));
        var loaded = store.Load();
        Assert.Equal("work", loaded.Default);
        Assert.Equal(file.Profiles["work"], loaded.Profiles["work"]);
        // Replaced by rename: no temporary file stays next to it.
        Assert.Equal([ProfilesPath], Directory.GetFiles(Path.GetDirectoryName(ProfilesPath)!));
    }

    [Fact]
    public void Saving_again_keeps_the_mode_and_replaces_the_content()
    {
        var store = new ProfileStore(ProfilesPath);
        var file = new ProfilesFile();
        file.Profiles["a"] = new Profile("http://a/", "alice", "key-one-0123456789");
        store.Save(file);
        file.Profiles["a"] = file.Profiles["a"] with { ApiKey = "key-two-0123456789" };
        store.Save(file);

        Assert.Equal("key-two-0123456789", store.Load().Profiles["a"].ApiKey);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ProfilesPath));
    }

    [Fact]
    public void A_profile_file_others_can_read_is_refused_with_the_fix()
    {
        var store = new ProfileStore(ProfilesPath);
        store.Save(new ProfilesFile());
        File.SetUnixFileMode(ProfilesPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var failure = Assert.Throws<CliFailure>(store.Load);
        Assert.Equal(ExitCodes.Auth, failure.ExitCode);
        Assert.Contains("chmod 600", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_profile_file_is_a_clear_error_not_a_crash()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ProfilesPath)!);
        File.WriteAllText(ProfilesPath, "{ not json");
        File.SetUnixFileMode(ProfilesPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        Assert.Equal(ExitCodes.Usage, Assert.Throws<CliFailure>(new ProfileStore(ProfilesPath).Load).ExitCode);
    }

    [Fact]
    public void The_profile_file_lives_in_XDG_CONFIG_HOME_else_in_HOME_config()
    {
        Assert.Equal("/x/config/docsfy/profiles.json", ConfigFolder.ProfilesPath(name => name switch { "XDG_CONFIG_HOME" => "/x/config", "HOME" => "/home/u", _ => null }));
        Assert.Equal("/home/u/.config/docsfy/profiles.json", ConfigFolder.ProfilesPath(name => name == "HOME" ? "/home/u" : null));
        // A relative XDG_CONFIG_HOME is invalid by the spec and ignored.
        Assert.Equal("/home/u/.config/docsfy/profiles.json", ConfigFolder.ProfilesPath(name => name switch { "XDG_CONFIG_HOME" => "rel", "HOME" => "/home/u", _ => null }));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}

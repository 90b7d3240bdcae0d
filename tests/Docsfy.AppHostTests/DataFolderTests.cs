using System.Runtime.Versioning;
using Docsfy.AppHost.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Docsfy.AppHostTests;

/// <summary>Where <c>local</c> mode keeps its data (README, "Local data").</summary>
[UnsupportedOSPlatform("windows")] // Unix paths and file modes
public sealed class DataFolderTests
{
    [Fact]
    public void Root_uses_one_folder_per_machine_and_everyone_else_their_XDG_data_folder()
    {
        Assert.Equal("/var/lib/docsfy", LocalDataDirectory.DefaultRoot(runningAsRoot: true, "/home/ada/.data", "/root"));
        Assert.Equal("/home/ada/.data/docsfy", LocalDataDirectory.DefaultRoot(runningAsRoot: false, "/home/ada/.data", "/home/ada"));
        Assert.Equal("/home/ada/.local/share/docsfy", LocalDataDirectory.DefaultRoot(runningAsRoot: false, null, "/home/ada"));
        Assert.Equal("/home/ada/.local/share/docsfy", LocalDataDirectory.DefaultRoot(runningAsRoot: false, " ", "/home/ada"));
    }

    [Fact]
    public void An_explicit_folder_is_kept_with_an_id_that_follows_the_path()
    {
        var settings = Settings("--Infrastructure:Mode=local", "--Infrastructure:DataDir=/srv/docsfy/../docsfy-data");

        var folder = LocalDataDirectory.From(settings);

        Assert.Equal("/srv/docsfy-data", folder.Root);
        Assert.False(folder.IsEphemeral);
        // RabbitMQ keeps its data under a node name made from this id: the same folder must give the same id every start.
        Assert.Equal(folder.InstanceId, LocalDataDirectory.From(settings).InstanceId);
        Assert.NotEqual(folder.InstanceId, LocalDataDirectory.From(Settings("--Infrastructure:DataDir=/srv/other")).InstanceId);
        Assert.Equal(Path.Combine(folder.Root, "postgres"), folder.PostgresData);
        Assert.Equal(Path.Combine(folder.Root, "key-hash.secret"), folder.KeyHashSecretFile);
    }

    [Fact]
    public void Ephemeral_folders_are_fresh_per_start_under_the_data_folder_or_the_temp_folder()
    {
        var underTemp = LocalDataDirectory.From(Settings("--Infrastructure:Ephemeral=true"));
        var again = LocalDataDirectory.From(Settings("--Infrastructure:Ephemeral=true"));
        var underData = LocalDataDirectory.From(Settings("--Infrastructure:Ephemeral=true", "--Infrastructure:DataDir=/srv/docsfy"));

        Assert.True(underTemp.IsEphemeral);
        Assert.Equal(Path.TrimEndingDirectorySeparator(Path.GetTempPath()), Path.GetDirectoryName(underTemp.Root));
        Assert.StartsWith("docsfy-eph-", Path.GetFileName(underTemp.Root), StringComparison.Ordinal);
        Assert.NotEqual(underTemp.Root, again.Root);
        Assert.NotEqual(underTemp.InstanceId, again.InstanceId);
        Assert.Equal("/srv/docsfy", Path.GetDirectoryName(underData.Root));
    }

    [Fact]
    public void A_folder_the_postgres_user_cannot_walk_down_to_is_refused_naming_the_folder_to_fix()
    {
        var top = Directory.CreateTempSubdirectory("docsfy-reach-");
        try
        {
            var closed = Directory.CreateDirectory(Path.Combine(top.FullName, "closed"));
            var data = Directory.CreateDirectory(Path.Combine(closed.FullName, "data")).FullName;
            top.UnixFileMode |= UnixFileMode.OtherExecute;
            LocalDataDirectory.EnsureTraversableByOthers(data);

            closed.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            var failure = Assert.Throws<InvalidOperationException>(() => LocalDataDirectory.EnsureTraversableByOthers(data));
            Assert.Contains($"{closed.FullName} is not traversable by others", failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            top.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("Local", InfrastructureMode.Local)]
    [InlineData(" external ", InfrastructureMode.External)]
    [InlineData("", InfrastructureMode.Auto)]
    public void The_mode_setting_is_read_in_any_case(string text, InfrastructureMode mode) =>
        Assert.Equal(mode, Settings($"--Infrastructure:Mode={text}").Mode);

    [Fact]
    public void A_mistyped_mode_stops_the_app_host_instead_of_starting_other_servers()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => Settings("--Infrastructure:Mode=lokal"));
        Assert.Contains("auto, containers, local or external", failure.Message, StringComparison.Ordinal);
    }

    private static InfrastructureSettings Settings(params string[] args) =>
        InfrastructureSettings.From(new ConfigurationBuilder().AddCommandLine(args).Build());
}

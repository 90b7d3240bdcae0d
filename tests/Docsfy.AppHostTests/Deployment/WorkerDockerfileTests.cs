using System.Text.RegularExpressions;
using System.Xml.Linq;
using Docsfy.AppHost.Deployment;

namespace Docsfy.AppHostTests.Deployment;

/// <summary>
/// The worker's container build, checked without Docker: what a real run needs is in the image, it runs unprivileged,
/// its base images are the .NET the projects target, it builds from sources that exist, and no secret is a build input.
/// The rules are hadolint's that matter here (DL3002, DL3007, DL3008/DL3015, DL3009, DL3025, DL4006).
/// </summary>
public sealed partial class WorkerDockerfileTests
{
    private static readonly Dockerfile Worker = Dockerfile.Read(RepositoryRoot.File(WorkerDeploymentExtensions.Dockerfile));

    [Fact]
    public void The_base_images_are_the_dotnet_the_projects_target_and_the_runtime_is_aspnet()
    {
        // net10.0 in Directory.Build.props → 10.0, which is also the runtime these tests run on.
        var targetFramework = XDocument.Load(RepositoryRoot.File("Directory.Build.props")).Descendants("TargetFramework").Single().Value;
        var version = targetFramework["net".Length..];
        Assert.Equal(version, Worker.GlobalArgument("DOTNET_VERSION"));
        Assert.Equal(version, $"{Environment.Version.Major}.{Environment.Version.Minor}");

        var dotnetImages = Worker.Stages.Select(stage => stage.Image).Where(image => image.StartsWith("mcr.microsoft.com/dotnet/", StringComparison.Ordinal)).ToList();
        Assert.Equal(["mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION}", "mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION}"], dotnetImages);
        // The worker is a web project (its health endpoint), so it runs on the ASP.NET Core runtime image.
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION}", Worker.Final.Image);
        Assert.Contains("Microsoft.NET.Sdk.Web", File.ReadAllText(RepositoryRoot.File("Docsfy.Worker/Docsfy.Worker.csproj")), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_base_image_has_a_tag_and_none_is_latest()
    {
        foreach (var stage in Worker.Stages.Where(stage => !Worker.Stages.Any(other => other.Name == stage.Image)))
        {
            Assert.Matches(@"^[^:\s]+:\S+$", stage.Image);
            Assert.DoesNotContain(":latest", stage.Image, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_image_that_runs_has_git_and_the_ssh_client_installed_cleanly()
    {
        var install = Assert.Single(Worker.Final.Run, run => run.Contains("apt-get install", StringComparison.Ordinal));
        var packages = AptPackages(install);
        Assert.Contains("git", packages);
        Assert.Contains("openssh-client", packages);
        Assert.Contains("ca-certificates", packages);

        foreach (var run in Worker.Stages.SelectMany(stage => stage.Run).Where(run => run.Contains("apt-get install", StringComparison.Ordinal)))
        {
            Assert.Contains("--no-install-recommends", run, StringComparison.Ordinal);  // DL3015
            Assert.Contains("apt-get update", run, StringComparison.Ordinal);           // in the same layer as the install
            Assert.Contains("rm -rf /var/lib/apt/lists/*", run, StringComparison.Ordinal); // DL3009
            Assert.Contains(" -y ", run, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_worker_runs_as_an_unprivileged_user_with_an_exec_form_entrypoint()
    {
        var user = Worker.Final.Instructions.Last(instruction => instruction.Keyword == "USER").Arguments; // DL3002
        Assert.DoesNotMatch(@"^(root|0)(:.*)?$", user);
        var userIndex = Worker.Final.Instructions.FindLastIndex(instruction => instruction.Keyword == "USER");
        Assert.DoesNotContain(Worker.Final.Instructions.Skip(userIndex), instruction => instruction.Keyword == "RUN");

        var entrypoint = Assert.Single(Worker.Final.Instructions, instruction => instruction.Keyword == "ENTRYPOINT").Arguments;
        Assert.Equal("""["dotnet", "Docsfy.Worker.dll"]""", entrypoint); // DL3025: exec form, so the worker gets SIGTERM
        Assert.Contains(Worker.Final.Instructions, instruction => instruction.Keyword == "EXPOSE" && instruction.Arguments == "8080");
    }

    [Fact]
    public void A_piped_install_fails_the_build_when_its_download_fails()
    {
        foreach (var stage in Worker.Stages.Where(stage => stage.Run.Any(run => run.Contains(" | ", StringComparison.Ordinal))))
        {
            var shell = stage.Instructions.FindIndex(instruction => instruction.Keyword == "SHELL" && instruction.Arguments.Contains("pipefail", StringComparison.Ordinal));
            var pipe = stage.Instructions.FindIndex(instruction => instruction.Keyword == "RUN" && instruction.Arguments.Contains(" | ", StringComparison.Ordinal));
            Assert.InRange(shell, 0, pipe); // DL4006
        }
    }

    [Fact]
    public void The_AI_tools_it_can_install_are_exactly_the_command_line_providers_the_app_host_knows()
    {
        var tools = Assert.Single(Worker.All, instruction => instruction.Keyword == "RUN" && instruction.Arguments.Contains("$AI_TOOLS", StringComparison.Ordinal)).Arguments;
        var cases = ToolCase().Matches(tools).Select(match => match.Groups[1].Value).ToList();

        Assert.Equal(DeployedAiProviders.CliTools.Keys.Order(), cases.Order());
        Assert.Contains(Worker.Final.Instructions, instruction => instruction.Keyword == "ENV" && instruction.Arguments.Contains("/opt/ai-tools/bin", StringComparison.Ordinal));
    }

    [Fact]
    public void No_secret_is_a_build_argument_or_baked_into_the_environment()
    {
        foreach (var instruction in Worker.All.Where(instruction => instruction.Keyword is "ARG" or "ENV"))
        {
            Assert.DoesNotMatch(SecretName(), instruction.Arguments.Split('=', 2)[0]);
        }
        Assert.DoesNotContain(Worker.All, instruction => instruction.Arguments.Contains("--mount=type=secret", StringComparison.Ordinal));
    }

    [Fact]
    public void The_build_copies_every_project_the_worker_needs_and_nothing_that_does_not_exist()
    {
        var build = Worker.Stages[0];
        var copied = build.Instructions.Where(instruction => instruction.Keyword == "COPY")
            .SelectMany(instruction => instruction.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1])
            .ToList();
        foreach (var source in copied)
        {
            var path = RepositoryRoot.File(source.TrimEnd('/'));
            Assert.True(File.Exists(path) || Directory.Exists(path), $"COPY {source}: no such file or folder in the repository.");
        }

        // A project reference added to the worker (or to what it references) must be copied too, or the image won't build.
        foreach (var project in ProjectClosure("Docsfy.Worker/Docsfy.Worker.csproj"))
        {
            Assert.Contains(project, copied);
            Assert.Contains(Path.GetDirectoryName(project) + "/", copied);
        }

        // The build context is the repository root: local build output must not be sent or copied over the restore.
        var ignored = File.ReadAllLines(RepositoryRoot.File(".dockerignore"));
        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
        Assert.Contains(".git/", ignored);
    }

    private static IEnumerable<string> ProjectClosure(string project)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var next))
        {
            if (!seen.Add(next))
            {
                continue;
            }
            var folder = Path.GetDirectoryName(next)!;
            foreach (var reference in XDocument.Load(RepositoryRoot.File(next)).Descendants("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(RepositoryRoot.Path, folder, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(RepositoryRoot.Path, full).Replace('\\', '/'));
            }
        }
        return seen;
    }

    private static IReadOnlyList<string> AptPackages(string run)
    {
        var install = run[(run.IndexOf("apt-get install", StringComparison.Ordinal) + "apt-get install".Length)..];
        return [.. install.Split("&&")[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(word => !word.StartsWith('-'))];
    }

    [GeneratedRegex(@"(?:\bin|;;)\s+(\w[\w-]*)\)")]
    private static partial Regex ToolCase();

    [GeneratedRegex("(?i)(KEY|SECRET|TOKEN|PASSWORD|PWD)")]
    private static partial Regex SecretName();
}

using System.Runtime.Versioning;
using Docsfy.AppHost.Infrastructure;

namespace Docsfy.AppHostTests;

/// <summary>
/// <c>auto</c>'s question "does a container runtime answer?", asked of fake <c>docker</c> and <c>podman</c> executables
/// first on the PATH: a client whose engine is down exits non-zero or hangs, and neither counts.
/// </summary>
[UnsupportedOSPlatform("windows")] // Unix paths and file modes
public sealed class ContainerRuntimeProbeTests : IDisposable
{
    private readonly string _bin = Directory.CreateTempSubdirectory("docsfy-runtimes-").FullName;
    private readonly string? _path = Environment.GetEnvironmentVariable("PATH");

    public ContainerRuntimeProbeTests() => Environment.SetEnvironmentVariable("PATH", $"{_bin}:{_path}");

    private static string? Probe(string? configured) => InfrastructureProbes.Machine.AnsweringContainerRuntime(configured);

    [Fact]
    public void Docker_is_asked_first_then_podman()
    {
        FakeRuntime("docker", "exit 0");
        FakeRuntime("podman", "exit 0");
        Assert.Equal("docker", Probe(null));

        FakeRuntime("docker", "echo 'Cannot connect to the Docker daemon' >&2; exit 1");
        Assert.Equal("podman", Probe(null));
    }

    [Fact]
    public void A_configured_runtime_is_the_only_one_asked()
    {
        FakeRuntime("docker", "exit 0");
        FakeRuntime("podman", "exit 125");

        Assert.Null(Probe("podman"));
        Assert.Equal("docker", Probe("docker"));
    }

    [Fact]
    public void A_runtime_that_is_missing_fails_or_hangs_does_not_answer()
    {
        Assert.Null(Probe("no-such-container-runtime"));
        FakeRuntime("docker", "exit 1");
        Assert.Null(Probe("docker"));

        // A client waiting on an engine that never answers is given up on after the probe's few seconds.
        FakeRuntime("podman", "sleep 60");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Null(Probe("podman"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"The probe waited {watch.Elapsed}.");
    }

    private void FakeRuntime(string name, string body)
    {
        var path = Path.Combine(_bin, name);
        File.WriteAllText(path, $"#!/bin/sh\n[ \"$1\" = info ] || exit 2\n{body}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("PATH", _path);
        Directory.Delete(_bin, recursive: true);
    }
}

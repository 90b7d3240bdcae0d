using Docsfy.AppHost.Infrastructure;

namespace Docsfy.AppHostTests;

/// <summary>How <c>Infrastructure:Mode</c> is resolved, with the machine's answers scripted (see <see cref="ProbeScript"/>).</summary>
public sealed class ModeSelectionTests
{
    [Fact]
    public void Auto_takes_containers_when_a_runtime_answers_even_with_the_binaries_installed()
    {
        var machine = new ProbeScript(answeringRuntime: "podman", postgres: "/usr/lib/postgresql/15/bin", rabbitMQ: true);

        var selection = InfrastructureModeSelection.Resolve(InfrastructureMode.Auto, isPublishMode: false, null, machine.Probes);

        Assert.Equal(InfrastructureMode.Containers, selection.Mode);
        Assert.Contains("'podman' answers", selection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Auto_runs_the_local_binaries_when_no_runtime_answers()
    {
        var machine = new ProbeScript(answeringRuntime: null, postgres: "/usr/lib/postgresql/15/bin", rabbitMQ: true);

        var selection = InfrastructureModeSelection.Resolve(InfrastructureMode.Auto, isPublishMode: false, null, machine.Probes);

        Assert.Equal(InfrastructureMode.Local, selection.Mode);
        Assert.Contains("/usr/lib/postgresql/15/bin", selection.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/usr/lib/postgresql/15/bin", false)]
    [InlineData(null, true)]
    [InlineData(null, false)]
    public void Auto_without_a_runtime_or_both_servers_stops_with_the_line_to_run(string? postgres, bool rabbitMQ)
    {
        var machine = new ProbeScript(answeringRuntime: null, postgres, rabbitMQ);

        var failure = Assert.Throws<InvalidOperationException>(() =>
            InfrastructureModeSelection.Resolve(InfrastructureMode.Auto, isPublishMode: false, null, machine.Probes));

        Assert.Contains("apt-get install -y postgresql rabbitmq-server", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Infrastructure:Mode=external", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(InfrastructureMode.Containers)]
    [InlineData(InfrastructureMode.Local)]
    [InlineData(InfrastructureMode.External)]
    public void An_explicit_mode_is_taken_as_it_is_without_asking_the_machine(InfrastructureMode mode)
    {
        var machine = new ProbeScript(answeringRuntime: "docker", postgres: null, rabbitMQ: false);

        var selection = InfrastructureModeSelection.Resolve(mode, isPublishMode: false, null, machine.Probes);

        Assert.Equal(mode, selection.Mode);
        Assert.Equal(0, machine.Questions);
    }

    [Theory]
    [InlineData(InfrastructureMode.Auto)]
    [InlineData(InfrastructureMode.Local)]
    [InlineData(InfrastructureMode.Containers)]
    public void Publish_mode_describes_containers_and_never_the_local_binaries(InfrastructureMode mode)
    {
        var machine = new ProbeScript(answeringRuntime: null, postgres: "/usr/lib/postgresql/15/bin", rabbitMQ: true);

        var selection = InfrastructureModeSelection.Resolve(mode, isPublishMode: true, null, machine.Probes);

        Assert.Equal(InfrastructureMode.Containers, selection.Mode);
        Assert.Equal(0, machine.Questions);
    }

    [Fact]
    public void Publish_mode_with_external_servers_describes_their_connection_strings()
    {
        var machine = new ProbeScript(answeringRuntime: "docker", postgres: "/usr/lib/postgresql/15/bin", rabbitMQ: true);

        var selection = InfrastructureModeSelection.Resolve(InfrastructureMode.External, isPublishMode: true, null, machine.Probes);

        Assert.Equal(InfrastructureMode.External, selection.Mode);
        Assert.Contains("connection strings", selection.Reason, StringComparison.Ordinal);
        Assert.Equal(0, machine.Questions);
    }
}

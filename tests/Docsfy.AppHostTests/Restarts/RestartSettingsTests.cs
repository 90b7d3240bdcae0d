using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Docsfy.AppHost.Restarts;

namespace Docsfy.AppHostTests.Restarts;

/// <summary><c>Worker:RestartOnExit</c> and <c>Worker:RestartBackoffCap</c> decide whether and how the worker is restarted.</summary>
public sealed class RestartSettingsTests
{
    [Fact]
    public void In_run_mode_restarting_is_on_by_default_with_a_30_second_cap()
    {
        var policy = PolicyOfWorker([]);

        Assert.NotNull(policy);
        Assert.Equal(TimeSpan.FromSeconds(1), policy.InitialDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), policy.MaxDelay);
    }

    [Fact]
    public void The_cap_is_configurable()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), PolicyOfWorker(["--Worker:RestartBackoffCap=00:00:05"])!.MaxDelay);
    }

    [Fact]
    public void Restarting_can_be_turned_off()
    {
        Assert.Null(PolicyOfWorker(["--Worker:RestartOnExit=false"]));
    }

    [Fact]
    public void A_deployment_leaves_restarting_to_its_platform()
    {
        Assert.Null(PolicyOfWorker(["--operation", "publish", "--publisher", "manifest", "--output-path", Path.GetTempPath()]));
    }

    [Theory]
    [InlineData("--Worker:RestartOnExit=maybe", "Worker:RestartOnExit has the value 'maybe'")]
    [InlineData("--Worker:RestartBackoffCap=soon", "Worker:RestartBackoffCap has the value 'soon'")]
    [InlineData("--Worker:RestartBackoffCap=00:00:00.5", "Worker:RestartBackoffCap: The restart backoff cap (00:00:00.5000000) must be at least the first delay")]
    [InlineData("--Worker:RestartBackoffCap=-00:00:05", "Worker:RestartBackoffCap: The restart backoff cap")]
    public void A_setting_that_makes_no_sense_stops_the_app_host_saying_which(string argument, string message)
    {
        var exception = Assert.Throws<InvalidOperationException>(() => PolicyOfWorker([argument]));
        Assert.StartsWith(message, exception.Message, StringComparison.Ordinal);
    }

    private static RestartPolicy? PolicyOfWorker(string[] args)
    {
        var builder = DistributedApplication.CreateBuilder(args);
        var worker = builder.AddExecutable("worker", "true", Path.GetTempPath())
            .WithRestartOnExit(builder.Configuration.GetSection("Worker"));
        return worker.Resource.TryGetLastAnnotation<RestartOnExitAnnotation>(out var annotation) ? annotation.Policy : null;
    }
}

namespace Docsfy.IntegrationTests.Topology;

/// <summary>The app host's model, built without starting anything: who waits for whom.</summary>
public sealed class TopologyModelTests
{
    [Fact]
    public async Task The_api_and_the_worker_wait_for_the_migration_service_to_complete_and_not_for_each_other()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        // External servers (never contacted) and a given key-hash secret: building the model then touches nothing on disk.
        string[] args =
        [
            "--Infrastructure:Mode=external", "--ConnectionStrings:docsfydb=Host=unused", "--ConnectionStrings:messaging=amqp://unused",
            "--Parameters:key-hash-secret=topology-tests-key-hash-secret-0123456789", "--Parameters:admin-key=topology-tests-admin-key",
        ];
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<global::Projects.Docsfy_AppHost>(
            args, (options, _) => options.DisableDashboard = true, timeout.Token);
        var projects = builder.Resources.OfType<ProjectResource>().ToDictionary(p => p.Name);

        var migrations = projects["migrations"];
        Assert.Contains(Waits(migrations), wait => wait is ("docsfydb", WaitType.WaitUntilHealthy));
        foreach (var service in new[] { projects["api"], projects["worker"] })
        {
            var waits = Waits(service);
            Assert.Contains(("migrations", WaitType.WaitForCompletion), waits);
            Assert.Contains(("messaging", WaitType.WaitUntilHealthy), waits);
            Assert.DoesNotContain(waits, wait => wait.Resource is "api" or "worker");
        }
    }

    private static List<(string Resource, WaitType Type)> Waits(IResource resource) =>
        [.. resource.Annotations.OfType<WaitAnnotation>().Select(wait => (wait.Resource.Name, wait.WaitType))];
}

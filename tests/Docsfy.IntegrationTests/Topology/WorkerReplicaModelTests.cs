namespace Docsfy.IntegrationTests.Topology;

/// <summary>
/// <c>Worker:Replicas</c> in the app host's model, built without starting anything: with 2, a killed worker's run
/// continues on the other (docs/design/pipeline.md §12).
/// </summary>
public sealed class WorkerReplicaModelTests
{
    [Theory]
    [InlineData(null, 1)]
    [InlineData("2", 2)]
    public async Task The_worker_runs_as_many_replicas_as_Worker_Replicas_says(string? setting, int expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        // External servers (never contacted) and a given key-hash secret: building the model then touches nothing on disk.
        string[] args =
        [
            "--Infrastructure:Mode=external", "--ConnectionStrings:docsfydb=Host=unused", "--ConnectionStrings:messaging=amqp://unused",
            "--Parameters:key-hash-secret=topology-tests-key-hash-secret-0123456789", "--Parameters:admin-key=topology-tests-admin-key",
            .. setting is null ? Array.Empty<string>() : [$"--Worker:Replicas={setting}"],
        ];
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<global::Projects.Docsfy_AppHost>(
            args, (options, _) => options.DisableDashboard = true, timeout.Token);
        var worker = builder.Resources.OfType<ProjectResource>().Single(p => p.Name == "worker");

        Assert.Equal(expected, worker.Annotations.OfType<ReplicaAnnotation>().Single().Replicas);
    }
}

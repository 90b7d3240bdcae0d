namespace Docsfy.Worker.Checkpoints;

/// <summary>Records nothing: for stages run outside a worker's run (tests, tools).</summary>
public sealed class NoCheckpoint : IRunCheckpoint
{
    public static NoCheckpoint Instance { get; } = new();

    public Task PlanAsync(string planJson, IReadOnlyList<string>? rewrite, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task PageAsync(string slug, string markdown, CancellationToken cancellationToken) => Task.CompletedTask;
}

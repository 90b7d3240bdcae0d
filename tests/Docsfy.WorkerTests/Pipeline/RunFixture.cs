using System.Collections.Concurrent;
using Docsfy.Contracts;
using Docsfy.Worker.Checkpoints;
using Docsfy.Worker.Generation;
using Docsfy.Worker.Pipeline;

namespace Docsfy.WorkerTests.Pipeline;

/// <summary>A run context over a small repository on disk, with the events the run reports recorded.</summary>
internal sealed class RunFixture : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("docsfy-run-").FullName;

    public RunFixture(ScriptedAi? ai, IReadOnlyDictionary<string, string>? files = null, IRunCheckpoint? checkpoint = null)
    {
        var checkout = Directory.CreateDirectory(Path.Combine(_root, "checkout")).FullName;
        foreach (var (path, content) in files ?? new Dictionary<string, string> { ["README.md"] = "# Demo\n\nA demo project.\n" })
        {
            var full = Path.Combine(checkout, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }
        var scratch = Directory.CreateDirectory(Path.Combine(_root, "prompts")).FullName;
        var command = new GenerateDocumentation(new VariantKey("demo", "main", "scripted", "m1", "ada"), Guid.NewGuid(),
            "https://example.com/ada/demo.git", null, false, null, null, null, null, null);
        Reporter = new RunReporter((message, _) =>
        {
            Events.Enqueue(message);
            return Task.CompletedTask;
        }, command.Variant, command.RunId);
        Ai = ai is null ? null : new AiSession(ai, "m1", checkout, TimeSpan.FromMinutes(1), Reporter.Meter);
        Run = new RunContext(command, RepositorySnapshot.Read(new Docsfy.Worker.Cloning.Checkout(checkout, "abc")), scratch, Reporter, Ai, checkpoint);
    }

    public ConcurrentQueue<object> Events { get; } = new();

    public RunReporter Reporter { get; }

    public AiSession? Ai { get; }

    public RunContext Run { get; }

    public IEnumerable<GenerationProgressed> Progress => Events.OfType<GenerationProgressed>();

    public void Dispose() => Directory.Delete(_root, recursive: true);
}

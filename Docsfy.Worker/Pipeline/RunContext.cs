using System.Collections.Concurrent;
using Docsfy.Contracts;
using Docsfy.Worker.Ai;
using Docsfy.Worker.Checkpoints;
using Docsfy.Worker.Generation;

namespace Docsfy.Worker.Pipeline;

/// <summary>Everything the stages of one run share.</summary>
/// <param name="checkpoint">Where the stages record what they got done (docs/design/pipeline.md §12); nothing when null.</param>
public sealed class RunContext(GenerateDocumentation command, RepositorySnapshot repository, string scratchDirectory,
    RunReporter reporter, AiSession? ai, IRunCheckpoint? checkpoint = null)
{
    public GenerateDocumentation Command => command;

    public VariantKey Variant => command.Variant;

    /// <summary>The checkout, read only through its safe reader.</summary>
    public RepositorySnapshot Repository => repository;

    /// <summary>A folder outside the checkout for prompt files (plans, manifests, pages under review).</summary>
    public string ScratchDirectory => scratchDirectory;

    public RunReporter Reporter => reporter;

    /// <summary>The AI of this run; null for the <c>offline</c> provider, which uses none.</summary>
    public AiSession? Ai => ai;

    /// <summary>Where the plan and every page written are recorded as the run goes, for a later attempt to continue from.</summary>
    public IRunCheckpoint Checkpoint { get; } = checkpoint ?? NoCheckpoint.Instance;

    private readonly ConcurrentDictionary<string, bool> _placeholders = new(StringComparer.Ordinal);

    /// <summary>The page holds a placeholder because its AI call failed (pages are written in parallel).</summary>
    public void MarkPlaceholder(string slug) => _placeholders[slug] = true;

    /// <summary>The page holds real content again (a later call succeeded).</summary>
    public void MarkWritten(string slug) => _placeholders.TryRemove(slug, out _);

    /// <summary>Placeholders are shown but never cached, so the next run writes the page again.</summary>
    public bool IsPlaceholder(string slug) => _placeholders.ContainsKey(slug);

    /// <summary>Writes a prompt file into the scratch folder and returns its absolute path, for the prompt to name.</summary>
    public async Task<string> WriteScratchFileAsync(string fileName, string content, CancellationToken cancellationToken)
    {
        var path = Path.Combine(scratchDirectory, fileName);
        await File.WriteAllTextAsync(path, content, cancellationToken);
        return path;
    }
}

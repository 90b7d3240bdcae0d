using Docsfy.Contracts;
using Docsfy.Worker.Ai;
using Docsfy.Worker.Generation;

namespace Docsfy.Worker.Pipeline;

/// <summary>Everything the stages of one run share.</summary>
public sealed class RunContext(GenerateDocumentation command, RepositorySnapshot repository, string scratchDirectory,
    RunReporter reporter, AiSession? ai)
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

    /// <summary>Writes a prompt file into the scratch folder and returns its absolute path, for the prompt to name.</summary>
    public async Task<string> WriteScratchFileAsync(string fileName, string content, CancellationToken cancellationToken)
    {
        var path = Path.Combine(scratchDirectory, fileName);
        await File.WriteAllTextAsync(path, content, cancellationToken);
        return path;
    }
}

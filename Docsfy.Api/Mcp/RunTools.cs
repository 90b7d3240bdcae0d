using System.ComponentModel;
using Docsfy.Api.Generation;
using Docsfy.Api.Projects;
using Docsfy.Contracts;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace Docsfy.Api.Mcp;

/// <summary>
/// The tools for users who may generate (admins and users; viewers are not offered them). Starting a run goes through
/// <see cref="RunLifecycle"/>, as <c>POST /api/generate</c> does: the same rules, the same refusals, said as tool errors.
/// </summary>
[McpServerToolType]
public sealed class RunTools(McpCaller caller, RunLifecycle lifecycle, ProjectStore projects)
{
    public const string GenerateDocs = "generate_docs";
    public const string GetRunStatus = "get_run_status";
    public const int MaxRuns = 50;

    [McpServerTool(Name = GenerateDocs, Title = "Generate documentation", Destructive = false, Idempotent = false,
         OpenWorld = true, UseStructuredContent = true)]
    [Description("Starts generating a documentation site for a git repository, as your own variant. Returns at once with "
        + "the run's generation_id; follow it with get_run_status. A run of a variant that is already generating is refused.")]
    public async Task<McpRunStarted> Generate(
        [Description("The repository: an https, ssh or git URL (admins may also give an absolute path on the server).")] string repository,
        [Description("The branch to document (default main).")] string branch = "main",
        [Description("The AI provider (default: the server's).")] string? provider = null,
        [Description("The AI model (default: the provider's).")] string? model = null,
        [Description("Regenerate every page instead of only what changed.")] bool force = false,
        CancellationToken cancellationToken = default)
    {
        var isPath = repository?.StartsWith('/') == true;
        var request = new GenerateRequest(RepoUrl: isPath ? null : repository, RepoPath: isPath ? repository : null, Branch: branch,
            AiProvider: provider, AiModel: model, Force: force);
        var outcome = await lifecycle.StartAsync(request, caller.Current, cancellationToken);
        if (!outcome.Succeeded(out var started, out var refusal))
        {
            throw new McpException(Describe(refusal));
        }
        var variant = started.Variant;
        return new McpRunStarted(variant.Name, variant.Branch, variant.Provider, variant.Model, variant.Owner,
            VariantStatus.Generating, started.RunId);
    }

    [McpServerTool(Name = GetRunStatus, Title = "Get run status", ReadOnly = true, Idempotent = true, OpenWorld = false,
         UseStructuredContent = true)]
    [Description("The status of runs you can see: by generation_id (as generate_docs returns it), or every variant of a "
        + "project. Status is generating, ready, error or aborted; current_stage and page_count tell the progress.")]
    public async Task<RunStatusList> GetStatus(
        [Description("The run's generation_id.")] string? generationId = null,
        [Description("A project name: the status of each of its variants you can see.")] string? project = null,
        CancellationToken cancellationToken = default)
    {
        Guid? run = null;
        if (generationId is not null)
        {
            run = Guid.TryParse(generationId, out var id) ? id : throw new McpException("Invalid generationId: not a UUID.");
        }
        if (project is not null && !ProjectNames.IsValidName(project))
        {
            throw new McpException("Invalid project: not a valid project name.");
        }
        if (run is null && project is null)
        {
            throw new McpException("Name the run: give generationId or project.");
        }
        var found = await projects.FindVisibleAsync(caller.Current, new VariantFilter(Name: project, RunId: run),
            VariantOrder.UpdatedDescending, cancellationToken);
        if (found.Count == 0)
        {
            throw new McpException("No such run that you can see: it does not exist, was deleted, or is not shared with you.");
        }
        return new RunStatusList([.. found.Take(MaxRuns).Select(McpVariant.From)], found.Count > MaxRuns);
    }

    /// <summary>A refusal as one sentence an agent can act on, naming the argument at fault as this tool names it.</summary>
    private static string Describe(RunRefusal refusal)
    {
        var argument = refusal.Field switch
        {
            null => null,
            "repo_url" or "repo_path" => "repository",
            "ai_provider" => "provider",
            "ai_model" => "model",
            var field => field,
        };
        var reason = refusal.Reason switch
        {
            RunRefusalReason.Invalid => "Invalid request",
            RunRefusalReason.Forbidden => "Not allowed",
            RunRefusalReason.NotFound => "Not found",
            RunRefusalReason.Conflict => "Conflict",
            _ => "Unavailable",
        };
        return argument is null ? $"{reason}: {refusal.Detail}" : $"{reason} ({argument}): {refusal.Detail}";
    }
}

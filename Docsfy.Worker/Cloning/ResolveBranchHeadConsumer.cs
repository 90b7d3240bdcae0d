using Docsfy.Contracts;
using Docsfy.Credentials;
using MassTransit;

namespace Docsfy.Worker.Cloning;

/// <summary>
/// Answers the API's <see cref="ResolveBranchHead"/> with the commit the branch points at, read as a clone would read it
/// (same address checks, time limit and transport), so a schedule and the run it starts see the same repository.
/// </summary>
public sealed class ResolveBranchHeadConsumer(IRepositoryCloner cloner, RepositorySources sources,
    ILogger<ResolveBranchHeadConsumer> logger) : IConsumer<ResolveBranchHead>
{
    public async Task Consume(ConsumeContext<ResolveBranchHead> context)
    {
        var request = context.Message;
        if ((request.RepoUrl is null) == (request.RepoPath is null))
        {
            await context.RespondAsync(new BranchHeadResolved(null));
            return;
        }
        // Unreadable (unreachable, no such branch, refused host) is null: the cloner logs why; a scheduled check simply
        // starts nothing, and the next one tries again.
        RepositorySource source;
        try
        {
            source = request is { Project: { } project, Owner: { } owner }
                ? await sources.ForProjectAsync(request.RepoUrl, request.RepoPath, request.Branch, project, owner, context.CancellationToken)
                : new RepositorySource(request.RepoUrl, request.RepoPath, request.Branch);
        }
        catch (CredentialUnreadableException exception)
        {
            logger.LogWarning("Could not check the head of {Project}: {Reason}", request.Project, exception.Message);
            await context.RespondAsync(new BranchHeadResolved(null));
            return;
        }
        var head = await cloner.ResolveHeadAsync(source, context.CancellationToken);
        await context.RespondAsync(new BranchHeadResolved(head));
    }
}

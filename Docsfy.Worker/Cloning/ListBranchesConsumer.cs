using Docsfy.Contracts;
using MassTransit;

namespace Docsfy.Worker.Cloning;

/// <summary>Answers the API's <see cref="ListBranches"/> with the repository's branches, read as a clone would read them.</summary>
public sealed class ListBranchesConsumer(IRepositoryCloner cloner, ILogger<ListBranchesConsumer> logger) : IConsumer<ListBranches>
{
    public async Task Consume(ConsumeContext<ListBranches> context)
    {
        var request = context.Message;
        try
        {
            var branches = await cloner.ListBranchesAsync(new RepositorySource(request.RepoUrl, request.RepoPath, "main"),
                context.CancellationToken);
            await context.RespondAsync(new BranchesListed(branches, null));
        }
        catch (CloneFailedException exception)
        {
            logger.LogInformation("Could not list branches: {Reason}", exception.Message);
            await context.RespondAsync(new BranchesListed([], exception.Message));
        }
        catch (ArgumentException)
        {
            await context.RespondAsync(new BranchesListed([], "Give exactly one of repo_url and repo_path."));
        }
    }
}

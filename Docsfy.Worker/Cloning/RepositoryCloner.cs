using Docsfy.Contracts.Repositories;
using LibGit2Sharp;
using Microsoft.Extensions.Options;

namespace Docsfy.Worker.Cloning;

/// <summary>
/// Clones with LibGit2Sharp: only the requested branch, shallow over HTTP(S), no submodules, within the time and
/// size limits of <see cref="CloningOptions"/>. Symbolic links are never created in the checkout, so neither Docsfy nor
/// an AI tool working in the folder can be led outside it.
/// </summary>
public sealed class RepositoryCloner(IOptions<CloningOptions> options, ILogger<RepositoryCloner> logger) : IRepositoryCloner
{
    public async Task<Checkout> CloneAsync(RepositorySource source, string targetDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrEmpty(targetDirectory);
        cancellationToken.ThrowIfCancellationRequested();
        var settings = options.Value;
        if (!BranchName.IsValid(source.Branch))
        {
            throw new CloneFailedException($"'{source.Branch}' is not a valid branch name.");
        }
        var target = Path.GetFullPath(targetDirectory);
        if (Path.Exists(target))
        {
            throw new ArgumentException("The clone target must not exist yet.", nameof(targetDirectory));
        }

        var origin = source switch
        {
            { Url: { } url, LocalPath: null } => await CloneOrigin.FromUrlAsync(url, settings.AllowLoopbackHosts, cancellationToken),
            { Url: null, LocalPath: { } path } => CloneOrigin.FromLocalPath(path),
            _ => throw new ArgumentException("Exactly one of Url and LocalPath must be set.", nameof(source)),
        };

        var guard = new CloneGuard(settings, cancellationToken);
        var work = Task.Factory.StartNew(() => Clone(origin, source.Branch, target, settings, guard),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        // Whatever happens to the wait below, the guard lives until the clone thread is done with it.
        _ = work.ContinueWith(_ => guard.Dispose(), TaskScheduler.Default);
        try
        {
            var checkout = await work.WaitAsync(guard.Deadline);
            logger.LogInformation("Cloned {Origin} branch {Branch} at {Sha}", origin.Display, source.Branch, checkout.CommitSha);
            return checkout;
        }
        catch (OperationCanceledException) when (!work.IsCompleted)
        {
            // LibGit2Sharp may be blocked where no callback runs (connecting, waiting on a silent server). The caller
            // gets its answer now; the thread stops at its next callback and the folder is removed once it has.
            _ = work.ContinueWith(_ => ScratchFolder.TryDelete(target), TaskScheduler.Default);
            throw guard.Failure();
        }
        catch
        {
            ScratchFolder.TryDelete(target);
            throw;
        }
    }

    private static Checkout Clone(CloneOrigin origin, string branch, string target, CloningOptions settings, CloneGuard guard)
    {
        var fetch = new FetchOptions
        {
            Depth = origin.Depth,
            TagFetchMode = TagFetchMode.None,
            OnTransferProgress = guard.OnTransferProgress,
            OnProgress = guard.OnServerMessage,
        };
        // Checkout is deferred until the tree has been measured against the limits.
        var clone = new LibGit2Sharp.CloneOptions(fetch) { BranchName = branch, Checkout = false, RecurseSubmodules = false };
        GuardedHttpSubtransport.EnsureRegistered();
        using (var network = CloneNetworkScope.Enter(settings.AllowLoopbackHosts, guard.Deadline))
        {
            try
            {
                Repository.Clone(origin.Url, target, clone);
            }
            catch (UserCancelledException e)
            {
                throw guard.Failure(e);
            }
            catch (LibGit2SharpException e)
            {
                guard.ThrowIfStopped();
                throw CloneErrors.Describe(e, branch, network.TransportFailure);
            }
        }
        guard.ThrowIfStopped();

        using var repository = new Repository(target);
        var commit = repository.Head.Tip
            ?? throw new CloneFailedException($"The branch '{branch}' has no commits.");
        var links = CheckoutBudget.Check(repository, commit.Tree, settings, guard);
        guard.ThrowIfStopped();
        CheckoutLinks.NeverCreate(repository);
        repository.Reset(ResetMode.Hard, commit);
        CheckoutLinks.RemovePlaceholders(target, links);
        return new Checkout(target, commit.Sha);
    }
}

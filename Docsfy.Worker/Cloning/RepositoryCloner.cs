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

        ObjectId? pinned = null;
        if (source.Commit is { } commit && !ObjectId.TryParse(commit, out pinned))
        {
            throw new CloneFailedException("The commit this run documents is not a valid commit id.");
        }
        var origin = await OriginOfAsync(source, settings, cancellationToken);
        var checkout = await GuardedAsync(settings, guard => Clone(origin, source.Branch, pinned, target, settings, guard),
            onFailure: () => ScratchFolder.TryDelete(target), cancellationToken);
        logger.LogInformation("Cloned {Origin} branch {Branch} at {Sha}", origin.Display, source.Branch, checkout.CommitSha);
        return checkout;
    }

    public async Task<string?> ResolveHeadAsync(RepositorySource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!BranchName.IsValid(source.Branch))
        {
            return null;
        }
        var settings = options.Value;
        try
        {
            var origin = await OriginOfAsync(source, settings, cancellationToken);
            return await GuardedAsync(settings, guard => HeadOf(origin, source.Branch, settings, guard),
                onFailure: () => { }, cancellationToken);
        }
        catch (CloneFailedException exception)
        {
            logger.LogInformation("Could not read the head of branch {Branch}: {Reason}", source.Branch, exception.Message);
            return null;
        }
    }

    public async Task<IReadOnlyList<string>> ListBranchesAsync(RepositorySource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var settings = options.Value;
        var origin = await OriginOfAsync(source, settings, cancellationToken);
        return await GuardedAsync(settings, guard => BranchesOf(origin, settings, guard), onFailure: () => { }, cancellationToken);
    }

    public async Task<bool> FetchCommitAsync(RepositorySource source, Checkout checkout, string commitSha,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(checkout);
        if (!ObjectId.TryParse(commitSha, out var wanted))
        {
            return false;
        }
        using (var repository = new Repository(checkout.Directory))
        {
            if (repository.Lookup<Commit>(wanted) is not null)
            {
                return true;
            }
        }
        var settings = options.Value;
        try
        {
            var origin = await OriginOfAsync(source, settings, cancellationToken);
            var found = await GuardedAsync(settings, guard => Fetch(origin, source.Branch, checkout.Directory, wanted, settings, guard),
                onFailure: () => { }, cancellationToken);
            logger.LogInformation("Fetched the earlier commit {Sha} from {Origin}: {Found}", commitSha, origin.Display, found);
            return found;
        }
        catch (CloneFailedException exception)
        {
            logger.LogInformation("Could not fetch the earlier commit {Sha}: {Reason}", commitSha, exception.Message);
            return false;
        }
    }

    private static async Task<CloneOrigin> OriginOfAsync(RepositorySource source, CloningOptions settings,
        CancellationToken cancellationToken) => source switch
    {
        { Url: { } url, LocalPath: null } => await CloneOrigin.FromUrlAsync(url, settings.AllowLoopbackHosts, cancellationToken)
            with { Credential = source.Credential },
        { Url: null, LocalPath: { } path } => CloneOrigin.FromLocalPath(path),
        _ => throw new ArgumentException("Exactly one of Url and LocalPath must be set.", nameof(source)),
    };

    /// <summary>
    /// Runs blocking LibGit2Sharp work on its own thread under a <see cref="CloneGuard"/> (time and size limits).
    /// <paramref name="onFailure"/> cleans up; when the thread is blocked where no callback runs, it does so once the
    /// thread has stopped.
    /// </summary>
    private static async Task<T> GuardedAsync<T>(CloningOptions settings, Func<CloneGuard, T> work, Action onFailure,
        CancellationToken cancellationToken)
    {
        var guard = new CloneGuard(settings, cancellationToken);
        var running = Task.Factory.StartNew(() => work(guard),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        // Whatever happens to the wait below, the guard lives until the thread is done with it.
        _ = running.ContinueWith(_ => guard.Dispose(), TaskScheduler.Default);
        try
        {
            return await running.WaitAsync(guard.Deadline);
        }
        catch (OperationCanceledException) when (guard.Deadline.IsCancellationRequested)
        {
            // LibGit2Sharp may be blocked where no callback runs (connecting, waiting on a silent server). The caller
            // gets its answer now; the thread stops at its next callback and the cleanup runs once it has. The thread
            // may also have ended at the same moment with a cancellation of its own (the guarded HTTP transport stops
            // at the same deadline): either way the answer is the guard's reason.
            if (running.IsCompleted)
            {
                onFailure();
            }
            else
            {
                _ = running.ContinueWith(_ => onFailure(), TaskScheduler.Default);
            }
            throw guard.Failure();
        }
        catch
        {
            onFailure();
            throw;
        }
    }

    /// <param name="pinned">The commit to check out instead of the branch's head (fetched when the clone lacks it).</param>
    private static Checkout Clone(CloneOrigin origin, string branch, ObjectId? pinned, string target, CloningOptions settings,
        CloneGuard guard)
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
        GuardedSshSubtransport.EnsureRegistered();
        using (var network = CloneNetworkScope.Enter(settings, origin, guard.Deadline))
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
        if (pinned is not null && !HasCommit(target, pinned) && !Fetch(origin, branch, target, pinned, settings, guard))
        {
            throw new CloneFailedException(
                $"The commit {pinned.Sha} this run documents is no longer on the branch '{branch}' (its history was rewritten).");
        }

        using var repository = new Repository(target);
        var commit = (pinned is null ? repository.Head.Tip : repository.Lookup<Commit>(pinned))
            ?? throw new CloneFailedException($"The branch '{branch}' has no commits.");
        var links = CheckoutBudget.Check(repository, commit.Tree, settings, guard);
        guard.ThrowIfStopped();
        CheckoutLinks.NeverCreate(repository);
        try
        {
            repository.Reset(ResetMode.Hard, commit);
        }
        catch (LibGit2SharpException e)
        {
            // libgit2 refuses paths of its own accord (e.g. ones a file system would read as something else): say so.
            throw new CloneFailedException($"The files could not be checked out: {TreeEntryNames.Printable(e.Message)}", e);
        }
        CheckoutLinks.RemovePlaceholders(target, links);
        return new Checkout(target, commit.Sha);
    }

    private static bool HasCommit(string directory, ObjectId commit)
    {
        using var repository = new Repository(directory);
        return repository.Lookup<Commit>(commit) is not null;
    }

    /// <summary>The branch names the remote has (like <c>git ls-remote --heads</c>), under the same host rules as a clone.</summary>
    private static IReadOnlyList<string> BranchesOf(CloneOrigin origin, CloningOptions settings, CloneGuard guard)
    {
        const string prefix = "refs/heads/";
        GuardedHttpSubtransport.EnsureRegistered();
        using var network = CloneNetworkScope.Enter(settings, origin, guard.Deadline);
        try
        {
            // Only names a run could use: the others would be refused when chosen.
            return [.. Repository.ListRemoteReferences(origin.Url)
                .Select(reference => reference.CanonicalName)
                .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
                .Select(name => name[prefix.Length..])
                .Where(BranchName.IsValid)
                .Distinct(StringComparer.Ordinal)
                .Order(NaturalComparer.Instance)];
        }
        catch (LibGit2SharpException exception) when (!guard.ShouldStop)
        {
            throw new CloneFailedException("The repository's branches could not be read: it does not exist or cannot be reached.", exception);
        }
    }

    private static string? HeadOf(CloneOrigin origin, string branch, CloningOptions settings, CloneGuard guard)
    {
        GuardedHttpSubtransport.EnsureRegistered();
        GuardedSshSubtransport.EnsureRegistered();
        using var network = CloneNetworkScope.Enter(settings, origin, guard.Deadline);
        try
        {
            var name = $"refs/heads/{branch}";
            return Repository.ListRemoteReferences(origin.Url)
                .FirstOrDefault(reference => reference.CanonicalName == name)?.TargetIdentifier;
        }
        catch (LibGit2SharpException) when (!guard.ShouldStop)
        {
            return null;
        }
    }

    /// <summary>
    /// Brings an earlier commit into a shallow checkout: first by asking for it directly, then (for a shallow clone) by
    /// fetching the branch ever deeper. False when the commit is not reachable any more (history rewritten, or further
    /// back than the deepest fetch). The working tree is left as it is.
    /// </summary>
    /// <remarks>
    /// libgit2 (1.9) skips a fetch whose tip it already has, whatever the depth, so a shallow clone cannot be deepened
    /// in place. The deeper history goes into a bare repository of its own inside <c>.git</c>, whose objects the clone
    /// borrows (git's alternates), so they are gone with the checkout.
    /// </remarks>
    private static bool Fetch(CloneOrigin origin, string branch, string directory, ObjectId wanted, CloningOptions settings,
        CloneGuard guard)
    {
        GuardedHttpSubtransport.EnsureRegistered();
        GuardedSshSubtransport.EnsureRegistered();
        using var network = CloneNetworkScope.Enter(settings, origin, guard.Deadline);
        string history;
        using (var repository = new Repository(directory))
        {
            if (TryFetch(guard, () => Commands.Fetch(repository, "origin", [$"+{wanted.Sha}:refs/docsfy/base"],
                    FetchOptionsOf(guard, depth: 1), logMessage: null))
                && repository.Lookup<Commit>(wanted) is not null)
            {
                return true;
            }
            if (origin.Depth == 0)
            {
                return false;
            }
            history = Path.Combine(repository.Info.Path, "docsfy-history");
            var info = Directory.CreateDirectory(Path.Combine(repository.Info.Path, "objects", "info")).FullName;
            File.AppendAllText(Path.Combine(info, "alternates"), Path.Combine(history, "objects") + "\n");
        }
        foreach (var depth in settings.Depths)
        {
            ScratchFolder.TryDelete(history);
            var clone = new LibGit2Sharp.CloneOptions(FetchOptionsOf(guard, depth))
            {
                IsBare = true, BranchName = branch, RecurseSubmodules = false,
            };
            if (TryFetch(guard, () => Repository.Clone(origin.Url, history, clone)))
            {
                using var repository = new Repository(directory);
                if (repository.Lookup<Commit>(wanted) is not null)
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static FetchOptions FetchOptionsOf(CloneGuard guard, int depth) => new()
    {
        Depth = depth,
        TagFetchMode = TagFetchMode.None,
        OnTransferProgress = guard.OnTransferProgress,
        OnProgress = guard.OnServerMessage,
    };

    /// <summary>
    /// True when <paramref name="fetch"/> ran; false when the server refused (the next try may still work). A fetch the
    /// guard stopped fails with the guard's reason.
    /// </summary>
    private static bool TryFetch(CloneGuard guard, Action fetch)
    {
        try
        {
            fetch();
        }
        catch (LibGit2SharpException) when (!guard.ShouldStop)
        {
            // Servers may refuse a commit they do not advertise; deepening is the next try.
            return false;
        }
        catch (LibGit2SharpException e)
        {
            throw guard.Failure(e);
        }
        guard.ThrowIfStopped();
        return true;
    }
}

using Docsfy.Api.Generation;
using Docsfy.Contracts;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Docsfy.Api.Refresh;

/// <summary>
/// Every replica runs it (docs/design/refresh.md §5, §6). Each tick it starts the follow-up runs pushes queued while a run
/// was going, then checks the schedules that are due: for each following variant a worker reads the branch head, and a
/// run starts (through <see cref="RunLifecycle"/>, as the variant's owner) only when the head moved. Claims are leased
/// rows taken with <c>for update skip locked</c>, so exactly one replica handles each, and one that dies mid-check
/// leaves it to another once the lease runs out.
/// </summary>
public sealed class RefreshScheduler(RefreshStore store, RunStore runs, RunLifecycle lifecycle, IServiceScopeFactory scopes,
    IOptions<RefreshOptions> options, ILogger<RefreshScheduler> logger) : BackgroundService
{
    private const int ClaimBatch = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.TickInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await StartFollowUpsAsync(stoppingToken);
                await CheckSchedulesAsync(stoppingToken);
                await store.PurgeDeliveriesAsync(options.Value.DeliveryRetention, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database or the broker may be restarting; what was claimed is retried once its lease runs out.
                logger.LogWarning(exception, "A refresh tick failed");
            }
        }
    }

    private async Task StartFollowUpsAsync(CancellationToken cancellationToken)
    {
        foreach (var (variant, deliveryId) in await runs.ClaimFollowUpsAsync(options.Value.ClaimLease, ClaimBatch, cancellationToken))
        {
            var outcome = await lifecycle.RefreshAsync(variant, new RunTrigger(RunTrigger.PushKind, deliveryId), cancellationToken);
            if (!outcome.Succeeded(out _, out var refusal))
            {
                // It cannot start as things are (the owner was made a viewer, the variant is gone): drop it rather than try
                // again every lease. (Unreachable workers are no exception: that run was recorded and has visibly failed.)
                logger.LogInformation("Dropped the follow-up run of {Project} for {Owner}: {Reason}", variant.Name, variant.Owner,
                    refusal.Detail);
                await runs.DropFollowUpAsync(variant, cancellationToken);
            }
        }
    }

    private async Task CheckSchedulesAsync(CancellationToken cancellationToken)
    {
        foreach (var settings in await store.ClaimDueSchedulesAsync(options.Value.ClaimLease, ClaimBatch, cancellationToken))
        {
            var started = 0;
            foreach (var follower in await store.FollowersAsync(settings, branch: null, cancellationToken))
            {
                if (follower.Status == VariantStatus.Generating)
                {
                    continue;
                }
                var head = await HeadAsync(follower, cancellationToken);
                if (head is null || head == follower.LastCommitSha)
                {
                    continue;
                }
                var outcome = await lifecycle.RefreshAsync(follower.Variant, RunTrigger.Schedule, cancellationToken);
                if (outcome.Succeeded(out _, out var refusal))
                {
                    started++;
                }
                else
                {
                    logger.LogInformation("Scheduled refresh of {Project} ({Branch}, {Provider}/{Model}) for {Owner} refused: {Reason}",
                        settings.Project, follower.Variant.Branch, follower.Variant.Provider, follower.Variant.Model, settings.Owner,
                        refusal.Detail);
                }
            }
            await store.CheckedAsync(settings.Id, options.Value.IntervalUnit, cancellationToken);
            logger.LogInformation("Checked the schedule of {Project} for {Owner}: {Started} run(s) started", settings.Project,
                settings.Owner, started);
        }
    }

    /// <summary>The branch's head as a worker reads it; null when no worker answered or it cannot be read now.</summary>
    private async Task<string?> HeadAsync(FollowingVariant follower, CancellationToken cancellationToken)
    {
        var request = follower.IsLocalPath
            ? new ResolveBranchHead(null, follower.RepoUrl, follower.Variant.Branch)
            : new ResolveBranchHead(follower.RepoUrl, null, follower.Variant.Branch, follower.Variant.Name, follower.Variant.Owner);
        // MassTransit's request clients are scoped: one scope per question.
        await using var scope = scopes.CreateAsyncScope();
        var heads = scope.ServiceProvider.GetRequiredService<IRequestClient<ResolveBranchHead>>();
        try
        {
            var answer = await heads.GetResponse<BranchHeadResolved>(request, cancellationToken,
                RequestTimeout.After(ms: (int)options.Value.HeadCheckTimeout.TotalMilliseconds));
            return answer.Message.CommitSha;
        }
        catch (RequestTimeoutException)
        {
            logger.LogWarning("No worker read the head of {Project} ({Branch}) within {Timeout}", follower.Variant.Name,
                follower.Variant.Branch, options.Value.HeadCheckTimeout);
            return null;
        }
    }
}

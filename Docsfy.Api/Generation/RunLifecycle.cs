using Docsfy.Api.Auth;
using Docsfy.Api.Hub;
using Docsfy.Api.Models;
using Docsfy.Api.Projects;
using Docsfy.Api.Users;
using Docsfy.Api.Workers;
using Docsfy.Contracts;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Docsfy.Api.Generation;

/// <summary>
/// Everything that starts or ends a run, for every caller: the REST endpoints, the watchdog, and whatever comes next. A
/// caller turns its input into a request, calls one method, and says the result or the <see cref="RunRefusal"/> its own
/// way; the rules (who may, what is valid, what "already generating" means, undoing a run no worker will get, telling
/// the hub) live only here.
/// </summary>
public sealed class RunLifecycle(RunStore runs, RunTakeoverStore takeovers, ProjectStore projects, UserStore users,
    HubNotifier hub, IBus bus, WorkerRegistry workers,
    IOptions<AiDefaults> defaults, IOptions<GenerationOptions> options, ILogger<RunLifecycle> logger)
{
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Starts a run of the caller's own variant described by <paramref name="request"/>.</summary>
    public async Task<LifecycleOutcome<RunStarted>> StartAsync(GenerateRequest request, Caller caller,
        CancellationToken cancellationToken)
    {
        if (!caller.CanWrite)
        {
            return RunRefusal.Forbidden("Viewers cannot start runs.");
        }
        var validation = await GenerateValidation.ValidateAsync(request, caller, caller.Username, defaults.Value, options.Value,
            cancellationToken);
        return validation.Succeeded(out var run, out var refusal)
            ? await StartValidAsync(run, caller, RunTrigger.User(caller.Username), cancellationToken)
            : refusal;
    }

    /// <summary>
    /// Runs an existing variant again from the source it was generated from, as its owner's variant. Its owner may, and
    /// admins may for anyone; unless <paramref name="force"/>d, the run is incremental (or finds the commit up to date).
    /// </summary>
    public Task<LifecycleOutcome<RunStarted>> RegenerateAsync(VariantKey variant, bool force, Caller caller,
        CancellationToken cancellationToken) =>
        RegenerateAsync(variant, force, caller, RunTrigger.User(caller.Username), cancellationToken);

    /// <summary>
    /// Refreshes a variant on behalf of its owner (a push or a schedule, docs/design/refresh.md): a non-forced run, so it
    /// is incremental or finds the commit up to date, under exactly the rules that apply when the owner regenerates it
    /// themselves, with their role as it is now (a user made viewer refreshes nothing; only an admin's variants may come
    /// from a path on the server). While the variant is generating, exactly one follow-up run is queued instead, started
    /// by the scheduler once the run has ended.
    /// </summary>
    public async Task<LifecycleOutcome<RefreshStarted>> RefreshAsync(VariantKey variant, RunTrigger trigger,
        CancellationToken cancellationToken)
    {
        var owner = await OwnerAsync(variant.Owner, cancellationToken);
        if (owner is null)
        {
            return RunRefusal.NotFound($"The owner of {Describe(variant)} no longer exists.");
        }
        // A run that ends between "already generating" and queueing the follow-up would leave nothing to follow: then the
        // variant is free and the next attempt starts the run. Bounded: each round means a run ended in between.
        for (var attempt = 0; ; attempt++)
        {
            var outcome = await RegenerateAsync(variant, force: false, owner, trigger, cancellationToken);
            if (outcome.Succeeded(out var started, out var refusal))
            {
                return new RefreshStarted(started.Variant, started.RunId);
            }
            if (refusal.Reason != RunRefusalReason.Conflict || attempt == 2)
            {
                return refusal;
            }
            if (await runs.QueueFollowUpAsync(variant, trigger, cancellationToken))
            {
                logger.LogInformation("Queued a follow-up run of {Project} ({Branch}, {Provider}/{Model}) for {Owner} ({Trigger})",
                    variant.Name, variant.Branch, variant.Provider, variant.Model, variant.Owner, trigger.Kind);
                return new RefreshStarted(variant, null);
            }
        }
    }

    private async Task<LifecycleOutcome<RunStarted>> RegenerateAsync(VariantKey variant, bool force, Caller caller,
        RunTrigger trigger, CancellationToken cancellationToken)
    {
        var found = await projects.FindVisibleAsync(caller, new VariantFilter(variant.Name, variant.Branch, variant.Provider,
            variant.Model, variant.Owner), VariantOrder.UpdatedDescending, cancellationToken);
        if (found.Count == 0)
        {
            return RunRefusal.NotFound($"No variant {Describe(variant)} that you can see.");
        }
        var view = found[0].View;
        if (!caller.CanWrite || !(caller.IsAdmin || string.Equals(view.Owner, caller.Username, StringComparison.OrdinalIgnoreCase)))
        {
            return RunRefusal.Forbidden("You can regenerate only your own variants.");
        }
        var isLocalPath = view.RepoUrl.StartsWith('/');
        var request = new GenerateRequest(RepoUrl: isLocalPath ? null : view.RepoUrl, RepoPath: isLocalPath ? view.RepoUrl : null,
            Branch: view.Branch, AiProvider: view.AiProvider, AiModel: view.AiModel, Force: force, RepoType: view.RepoType);
        var validation = await GenerateValidation.ValidateAsync(request, caller, view.Owner, defaults.Value, options.Value,
            cancellationToken);
        return validation.Succeeded(out var run, out var refusal) ? await StartValidAsync(run, caller, trigger, cancellationToken) : refusal;
    }

    /// <summary>The variant's owner as a caller with their role as stored now; null when they no longer exist.</summary>
    private async Task<Caller?> OwnerAsync(string owner, CancellationToken cancellationToken)
    {
        if (string.Equals(owner, Caller.BuiltInAdminName, StringComparison.OrdinalIgnoreCase))
        {
            return Caller.BuiltInAdmin;
        }
        return await users.FindAsync(owner, cancellationToken) is { } user ? new Caller(user.Username, user.Role, user.Id) : null;
    }

    /// <summary>
    /// Aborts the one running variant <paramref name="target"/> names. Users abort their own runs; admins anyone's
    /// (<see cref="VariantFilter.Owner"/> narrows when several owners run the same name). The API ends the run itself, so
    /// the abort holds even if no worker is alive; the workers are told to stop.
    /// </summary>
    public async Task<LifecycleOutcome<RunAborted>> AbortAsync(VariantFilter target, Caller caller,
        CancellationToken cancellationToken)
    {
        var name = target.Name ?? throw new ArgumentException("An abort names the project.", nameof(target));
        var ownerFilter = caller.IsAdmin ? target.Owner : caller.Username;
        var running = caller.CanWrite
            ? await runs.FindRunningAsync(name, target.Branch, target.Provider, target.Model, ownerFilter, cancellationToken)
            : [];
        if (running.Count == 0)
        {
            // As for deleting: someone else's run the caller sees through a grant is refused; one they cannot see does not
            // exist for them.
            IReadOnlyList<VariantMatch> visible = caller.IsAdmin
                ? []
                : await projects.FindVisibleAsync(caller, target, VariantOrder.UpdatedDescending, cancellationToken);
            return visible.Any(v => v.View.Status == VariantStatus.Generating)
                ? RunRefusal.Forbidden("You can abort only your own runs.")
                : RunRefusal.NotFound($"No running generation of '{name}' that you may abort.");
        }
        if (running.Count > 1)
        {
            return RunRefusal.Conflict($"{running.Count} runs of '{name}' are generating: "
                + string.Join(", ", running.Select(Describe)) + ". Abort one by branch, provider and model"
                + (caller.IsAdmin ? " (and ?owner=)." : "."));
        }

        var variant = running[0];
        if (await runs.AbortAsync(variant, caller.Username, cancellationToken) is not { } aborted)
        {
            return RunRefusal.Conflict($"{Describe(variant)} finished before it could be aborted.");
        }
        logger.LogInformation("{Caller} aborted run {RunId} of {Project}", caller.Username, aborted.RunId, variant.Name);
        try
        {
            using var timeout = new CancellationTokenSource(SendTimeout);
            await bus.Publish(new AbortGeneration(aborted.RunId), timeout.Token);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The run is already aborted for everyone; a worker still on it stops at its next heartbeat check.
            logger.LogWarning(exception, "Could not tell the workers to stop run {RunId}", aborted.RunId);
        }
        await hub.RunEndedAsync(aborted);
        return new RunAborted(variant, aborted.RunId, aborted.Status);
    }

    /// <summary>
    /// Takes over runs whose worker's heartbeats stopped (docs/design/pipeline.md §12), and ends runs nobody works on
    /// (their worker was lost more often than <c>Generation:MaxTakeovers</c> allows, or no worker took them in time:
    /// hours while workers are busy, minutes while none is alive), telling their viewers. Every replica may call it: each
    /// run is taken over or ended, and announced, by exactly one.
    /// </summary>
    public async Task<int> EndAbandonedRunsAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var takenOver = await takeovers.TakeOverSilentAsync(settings.HeartbeatTimeout, settings.MaxTakeovers, cancellationToken);
        foreach (var run in takenOver)
        {
            await ContinueAsync(run, "its worker stopped responding");
        }
        TimeSpan? noWorkerWait = workers.NoWorkerFor() >= settings.NoWorkerTimeout ? settings.NoWorkerTimeout : null;
        var ended = await runs.EndStuckRunsAsync(settings.HeartbeatTimeout, settings.MaxTakeovers, settings.QueueTimeout, noWorkerWait,
            cancellationToken);
        foreach (var run in ended)
        {
            await AnnounceEndedAsync(run);
        }
        return takenOver.Count + ended.Count;
    }

    /// <summary>
    /// A worker shutting down gave a run back: it is taken over at once rather than after the heartbeat timeout, or ended
    /// when it was handed back as often as allowed (<c>Generation:MaxHandBacks</c>). An abort or a takeover that came first wins: then nothing happens.
    /// </summary>
    public async Task HandBackAsync(GenerationHandedBack handedBack, CancellationToken cancellationToken)
    {
        var result = await takeovers.HandBackAsync(handedBack, options.Value.MaxHandBacks, cancellationToken);
        if (result.TakenOver is { } run)
        {
            await ContinueAsync(run, "its worker shut down");
        }
        else if (result.Ended is { } ended)
        {
            await AnnounceEndedAsync(ended);
        }
    }

    /// <summary>A run the API itself ended (not its worker): logged with the reason, and its viewers told.</summary>
    private async Task AnnounceEndedAsync(GenerationFinished ended)
    {
        logger.LogWarning("Run {RunId} of {Project} ended: {Reason}", ended.RunId, ended.Variant.Name, ended.ErrorMessage);
        await hub.RunEndedAsync(ended);
    }

    /// <summary>
    /// Tells the run's viewers it resumes, and sends the run's next attempt to the workers; a run that cannot be sent is
    /// ended, as a new one would be.
    /// </summary>
    private async Task ContinueAsync(TakenOverRun run, string why)
    {
        var resumed = run.Resumed;
        logger.LogWarning("Run {RunId} of {Project} lost {Why}; attempt {Attempt} continues from its checkpoint",
            resumed.RunId, resumed.Variant.Name, why, resumed.Attempt);
        await hub.RunResumedAsync(resumed);
        try
        {
            var command = run.Command ?? throw new InvalidOperationException("The run's stored command could not be read.");
            using var timeout = new CancellationTokenSource(SendTimeout);
            await SendToWorkersAsync(command, timeout.Token);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            logger.LogError(exception, "Could not send attempt {Attempt} of run {RunId} to the workers", resumed.Attempt, resumed.RunId);
            await FailUnsentAsync(resumed.RunId, "The run lost its worker and could not be handed to another. Generate again.");
        }
    }

    private async Task<LifecycleOutcome<RunStarted>> StartValidAsync(ValidRun run, Caller caller, RunTrigger trigger,
        CancellationToken cancellationToken)
    {
        var variant = run.Variant;
        if (await runs.StartAsync(variant, run.Source, run.RepoType, run.Force, trigger, cancellationToken) is not { } started)
        {
            return RunRefusal.Conflict($"{Describe(variant)} is already generating. Wait for it to finish or abort it.");
        }

        try
        {
            using var timeout = new CancellationTokenSource(SendTimeout);
            var command = new GenerateDocumentation(variant, started.RunId, run.RepoUrl, run.RepoPath, run.Force, run.RepoType,
                run.AiCliTimeoutMinutes, started.BaseRunId, started.BaseCommitSha, started.BasePlanJson);
            // Recorded before it is sent, so whichever worker takes it has a checkpoint to write to and a takeover has
            // the command to send again (docs/design/pipeline.md §12).
            await takeovers.RecordAsync(command, timeout.Token);
            await SendToWorkersAsync(command, timeout.Token);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Without the command (or its checkpoint) no worker will ever run it: end it now rather than leave it generating.
            logger.LogError(exception, "Could not send run {RunId} of {Project} to the workers", started.RunId, variant.Name);
            await FailUnsentAsync(started.RunId, "The run could not be handed to a worker. Try again.");
            return RunRefusal.Unavailable("The workers cannot be reached right now. Try again.");
        }

        logger.LogInformation("{Caller} started run {RunId} of {Project} ({Branch}, {Provider}/{Model}) for {Owner} ({Trigger})",
            caller.Username, started.RunId, variant.Name, variant.Branch, variant.Provider, variant.Model, variant.Owner, trigger.Kind);
        await hub.ProjectChangedAsync(variant.Name, variant.Owner, []);
        return new RunStarted(variant, started.RunId);
    }

    /// <summary>Puts a run (its first attempt or a later one) on the queue every worker takes runs from.</summary>
    private async Task SendToWorkersAsync(GenerateDocumentation command, CancellationToken cancellationToken)
    {
        var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{Queues.Generation}"));
        await endpoint.Send(command, cancellationToken);
    }

    /// <summary>Ends a run no worker will get, since its command could not be sent, and tells its viewers.</summary>
    private async Task FailUnsentAsync(Guid runId, string reason)
    {
        if (await runs.FailAsync(runId, reason, CancellationToken.None) is { } failed)
        {
            await hub.RunEndedAsync(failed);
        }
    }

    private static string Describe(VariantKey variant) =>
        $"'{variant.Name}' ({variant.Branch}, {variant.Provider}/{variant.Model}, owner {variant.Owner})";
}

using Docsfy.Contracts;
using MassTransit;

namespace Docsfy.Api.Hub;

/// <summary>
/// Tells every replica's hub about a change made through the REST API. The change is already committed; if the broker
/// cannot take the notice, the request still succeeds and sockets catch up at their next sync.
/// </summary>
public sealed class HubNotifier(IBus bus, ILogger<HubNotifier> logger)
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The user's role or grants changed: they get a fresh sync.</summary>
    public Task UserAccessChangedAsync(string username) => PublishAsync(new UserResyncRequested(username), username);

    /// <summary>The user is gone or their credentials were replaced: their sockets close.</summary>
    public Task UserCredentialsEndedAsync(string username) => PublishAsync(new UserDisconnectRequested(username), username);

    /// <summary>
    /// Variants of (name, owner) appeared, were restarted or are gone: everyone who can (or could) see them gets a fresh sync, including
    /// <paramref name="grantees"/> (captured before the delete, which may have removed their grants).
    /// </summary>
    public Task ProjectChangedAsync(string name, string owner, IEnumerable<string> grantees) =>
        PublishAsync(new ProjectResyncRequested(name, owner, [.. grantees, owner]), $"{name} of {owner}");

    /// <summary>The API ended a run itself (abort, stuck worker): its viewers get the status_change, then a sync.</summary>
    public Task RunEndedAsync(GenerationFinished finished) => PublishAsync(
        new VariantEventsBroadcast([VariantEvent.StatusChange(finished, lastGenerated: null, finished.CommitSha)]),
        $"run {finished.RunId}");

    /// <summary>
    /// The API handed a run to its next attempt: its viewers get a <c>progress</c> saying it resumed, with the page count
    /// it had (docs/design/pipeline.md §12).
    /// </summary>
    public Task RunResumedAsync(GenerationProgressed resumed) => PublishAsync(
        new VariantEventsBroadcast([VariantEvent.Progress(resumed)]), $"run {resumed.RunId}");

    private async Task PublishAsync<T>(T message, string subject) where T : class
    {
        try
        {
            using var timeout = new CancellationTokenSource(PublishTimeout);
            await bus.Publish(message, timeout.Token);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            logger.LogWarning(exception, "Could not notify the hub about {Subject}", subject);
        }
    }
}

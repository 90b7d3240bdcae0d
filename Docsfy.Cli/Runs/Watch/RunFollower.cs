using System.Diagnostics;
using System.Text.Json;
using Docsfy.Cli.Connection;
using Docsfy.Cli.Projects;

namespace Docsfy.Cli.Runs.Watch;

/// <summary>
/// Follows one run over <c>/api/ws</c> until it ends: answers pings, reconnects when the socket drops and takes the
/// fresh <c>sync</c> as the truth. A terminal status, whether from a <c>status_change</c> or a <c>sync</c>, is confirmed
/// by the run's generation id over REST, so a stale message about an earlier run of the same variant never ends it.
/// </summary>
public sealed class RunFollower(ApiClient api, WatchLimits limits) : IAsyncDisposable
{
    private HubSocket? _socket;
    private JsonDocument? _firstSync;

    /// <summary>
    /// Connects and waits for the hub's first <c>sync</c>. <c>generate --watch</c> calls this before starting the run, so
    /// not even the first stage of a fast run is missed.
    /// </summary>
    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        _socket = await HubSocket.ConnectAsync(api.Connection, cancellationToken);
        while (_firstSync is null)
        {
            var message = await ReceiveOrAuthFailureAsync(_socket, cancellationToken);
            if (message is null)
            {
                continue;
            }
            if (Type(message.RootElement) == "sync")
            {
                _firstSync = message;
            }
            else
            {
                message.Dispose();
            }
        }
    }

    /// <summary>Watches until the run ends; <paramref name="useFirstSync"/> says whether the sync seen on connecting describes it.</summary>
    public async Task<RunState> FollowAsync(VariantId run, string generationId, bool useFirstSync, IRunView view, CancellationToken cancellationToken)
    {
        using var overall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        overall.CancelAfter(limits.Overall);
        try
        {
            return await FollowCoreAsync(run, generationId, useFirstSync, view, overall.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliFailure(ExitCodes.RunFailed, $"Stopped watching after {limits.Overall}; the run goes on.");
        }
    }

    private async Task<RunState> FollowCoreAsync(VariantId run, string generationId, bool useFirstSync, IRunView view, CancellationToken cancellationToken)
    {
        var state = RunState.Starting;
        if (useFirstSync && _firstSync is not null && await FromSyncAsync(_firstSync.RootElement) is { } first)
        {
            return first;
        }
        var backoff = limits.FirstBackoff;
        Stopwatch? down = null;
        while (true)
        {
            if (_socket is null)
            {
                try
                {
                    _socket = await HubSocket.ConnectAsync(api.Connection, cancellationToken);
                    down = null;
                    backoff = limits.FirstBackoff;
                }
                catch (CliFailure failure) when (failure.ExitCode == ExitCodes.Unreachable)
                {
                    down ??= Stopwatch.StartNew();
                    if (down.Elapsed > limits.ReconnectFor)
                    {
                        throw new CliFailure(ExitCodes.Unreachable, $"{failure.Message} (gave up reconnecting after {limits.ReconnectFor.TotalMinutes:0} min; the run may go on)");
                    }
                    view.Notice($"Reconnecting in {backoff.TotalSeconds:0.#} s: {failure.Message}");
                    await Task.Delay(backoff, cancellationToken);
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, limits.MaxBackoff.Ticks));
                    continue;
                }
            }

            JsonDocument? document;
            try
            {
                document = await _socket.ReceiveAsync(limits.Idle, cancellationToken);
            }
            catch (HubClosedException closed) when (!closed.IsAuthenticationFailure)
            {
                view.Notice($"Connection lost ({closed.Message}); reconnecting.");
                await _socket.DisposeAsync();
                _socket = null;
                continue;
            }
            catch (HubClosedException closed)
            {
                throw new CliFailure(ExitCodes.Auth, $"The hub refused the key: {closed.Message}");
            }
            if (document is null)
            {
                continue;
            }
            using (document)
            {
                var message = document.RootElement;
                switch (Type(message))
                {
                    case "ping":
                        try
                        {
                            await _socket.SendPongAsync(cancellationToken);
                        }
                        catch (HubClosedException closed)
                        {
                            view.Notice($"Connection lost ({closed.Message}); reconnecting.");
                            await _socket.DisposeAsync();
                            _socket = null;
                        }
                        break;
                    case "progress" when run.IsSubjectOf(message):
                        state = state.With(message);
                        view.Message(message);
                        view.Update(state);
                        break;
                    case "status_change" when run.IsSubjectOf(message):
                        if (await ConfirmedAsync() is { } ended)
                        {
                            view.Message(message);
                            return ended;
                        }
                        break;
                    case "sync":
                        if (await FromSyncAsync(message) is { } synced)
                        {
                            return synced;
                        }
                        break;
                }
            }
        }

        async Task<RunState?> FromSyncAsync(JsonElement sync)
        {
            var record = sync.TryGetProperty("projects", out var projects) && projects.ValueKind == JsonValueKind.Array
                ? projects.EnumerateArray().Where(run.Is).Cast<JsonElement?>().FirstOrDefault()
                : null;
            if (record is { } found && VariantId.Text(found, "status") == "generating")
            {
                state = state.With(found);
                view.Message(Reduced(found));
                view.Update(state);
                return null;
            }
            // Ended, or no longer listed (deleted, replaced): only the API knows whether that is this run.
            if (await ConfirmedAsync() is { } ended)
            {
                view.Message(Reduced(record ?? default));
                return ended;
            }
            return null;
        }

        async Task<RunState?> ConfirmedAsync()
        {
            JsonElement current;
            try
            {
                current = await api.GetAsync($"api/projects/by-id/{Uri.EscapeDataString(generationId)}", cancellationToken);
            }
            catch (CliFailure failure) when (failure.ExitCode == ExitCodes.NotFound)
            {
                throw new CliFailure(ExitCodes.NotFound, "The run is gone: its variant was deleted or a newer run replaced it.");
            }
            var confirmed = state.With(current);
            if (!confirmed.IsTerminal)
            {
                return null;
            }
            view.Update(confirmed);
            return confirmed;
        }
    }

    /// <summary>A sync reduced to the watched run's record, for the JSON lines: the rest is about other variants.</summary>
    private static JsonElement Reduced(JsonElement record) =>
        JsonSerializer.SerializeToElement(new Dictionary<string, object?> { ["type"] = "sync", ["project"] = record.ValueKind == JsonValueKind.Object ? record : null });

    private async Task<JsonDocument?> ReceiveOrAuthFailureAsync(HubSocket socket, CancellationToken cancellationToken)
    {
        try
        {
            return await socket.ReceiveAsync(HubSocket.ConnectTimeout, cancellationToken);
        }
        catch (HubClosedException closed) when (closed.IsAuthenticationFailure)
        {
            throw new CliFailure(ExitCodes.Auth, $"The hub refused the key: {closed.Message}");
        }
        catch (HubClosedException closed)
        {
            throw new CliFailure(ExitCodes.Unreachable, $"The hub closed the connection before its first sync: {closed.Message}");
        }
    }

    private static string? Type(JsonElement message) => VariantId.Text(message, "type");

    public async ValueTask DisposeAsync()
    {
        _firstSync?.Dispose();
        if (_socket is not null)
        {
            await _socket.DisposeAsync();
        }
    }
}

using System.Text.Json;

namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>Reads one project's messages off a hub socket until its run ends, as a browser tab would see them.</summary>
public static class RunWatcher
{
    public sealed record RunMessages(IReadOnlyList<JsonElement> Progress, JsonElement StatusChange, JsonElement Sync)
    {
        public IReadOnlyList<string> Stages => [.. Progress.Select(p => p.GetProperty("current_stage").GetString()!)];

        public JsonElement SyncedVariant(string name) =>
            Sync.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name);
    }

    /// <summary>
    /// Every <c>progress</c> of <paramref name="name"/> up to its <c>status_change</c>, and the <c>sync</c> right after
    /// it. Syncs before the end (the run starting) are skipped.
    /// </summary>
    public static async Task<RunMessages> UntilFinishedAsync(HubClient socket, string name, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var progress = new List<JsonElement>();
        JsonElement? statusChange = null;
        while (true)
        {
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                throw new Xunit.Sdk.XunitException(
                    $"The run of {name} did not finish in {timeout}; stages so far: {string.Join(", ", progress.Select(p => p.GetProperty("current_stage").GetString()))}");
            }
            var message = await socket.NextAsync(remaining);
            var type = message.GetProperty("type").GetString();
            if (type == "sync")
            {
                if (statusChange is { } ended)
                {
                    return new RunMessages(progress, ended, message);
                }
                continue;
            }
            if (message.GetProperty("name").GetString() != name)
            {
                continue;
            }
            if (type == "progress")
            {
                progress.Add(message);
            }
            else if (type == "status_change")
            {
                statusChange = message;
            }
        }
    }

    /// <summary>Waits for the first <c>progress</c> of <paramref name="name"/> at <paramref name="stage"/>.</summary>
    public static Task<JsonElement> UntilStageAsync(HubClient socket, string name, string stage, TimeSpan timeout) =>
        UntilProgressAsync(socket, name, message => message.GetProperty("current_stage").GetString() == stage, $"reached {stage}", timeout);

    /// <summary>Waits for the first <c>progress</c> of <paramref name="name"/> that <paramref name="matches"/>.</summary>
    /// <param name="what">What the awaited progress says, for the failure message.</param>
    public static async Task<JsonElement> UntilProgressAsync(HubClient socket, string name, Func<JsonElement, bool> matches,
        string what, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                throw new Xunit.Sdk.XunitException($"{name} never {what} in {timeout}.");
            }
            var message = await socket.NextAsync(remaining);
            if (message.GetProperty("type").GetString() == "progress" && message.GetProperty("name").GetString() == name
                && matches(message))
            {
                return message;
            }
        }
    }
}

using System.Net;

namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>Real runs to a published site: started through <c>POST /api/generate</c> and awaited until ready.</summary>
public static class PublishedDocs
{
    public static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    /// <summary>Starts a run with <paramref name="body"/> as <paramref name="credential"/>; returns its generation id once ready.</summary>
    public static async Task<Guid> GenerateAsync(DocsfyClient client, Credential credential, object body)
    {
        var started = (await client.PostAsync("/api/generate", credential, body)).AssertStatus(HttpStatusCode.Accepted);
        var run = started.String("generation_id");
        return await UntilReadyAsync(client, credential, run);
    }

    /// <summary>Waits until the variant of run <paramref name="run"/> is ready; fails at once when the run failed.</summary>
    public static async Task<Guid> UntilReadyAsync(DocsfyClient client, Credential credential, string run)
    {
        string? status = null;
        await Eventually.HoldsAsync(async () =>
        {
            var variant = (await client.GetAsync($"/api/projects/by-id/{run}", credential)).AssertStatus(HttpStatusCode.OK);
            status = variant.String("status");
            if (status is "error" or "aborted")
            {
                throw new Xunit.Sdk.XunitException($"Run {run} ended {status}: {variant.Body}");
            }
            return status == "ready";
        }, $"run {run} to be ready", RunTimeout);
        return Guid.Parse(run);
    }
}

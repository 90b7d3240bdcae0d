using System.Net;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Models;

/// <summary>
/// No run that is doomed on arrival: the API knows which providers this installation can run (AI_AVAILABLE_PROVIDERS;
/// this app host lists claude and gemini, offline needs nothing), says so per provider with each one's default model, and
/// refuses a run of any other provider before anything is cloned.
/// </summary>
[Collection(DocsfyCollection.Name)]
public sealed class ProviderAvailabilityTests(DocsfyAppFixture fixture)
{
    [Fact]
    public async Task Models_say_per_provider_whether_it_can_run_here_why_not_and_its_default_model()
    {
        using var client = fixture.Host.Client();
        var reply = (await client.GetAsync("/api/models")).AssertStatus(HttpStatusCode.OK);

        // Available providers first, in the dashboard's order.
        var providers = reply.Json.GetProperty("providers").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Equal(["claude", "gemini", "offline", "cursor", "openai"], providers);
        var details = reply.Json.GetProperty("provider_details");
        foreach (var (name, model) in new[] { ("claude", "sonnet"), ("gemini", "gemini-2.5-pro"), ("offline", "markdown") })
        {
            var provider = details.GetProperty(name);
            Assert.True(provider.GetProperty("available").GetBoolean(), name);
            Assert.Equal(System.Text.Json.JsonValueKind.Null, provider.GetProperty("reason").ValueKind);
            Assert.Equal(model, provider.GetProperty("default_model").GetString());
        }
        var cursor = details.GetProperty("cursor");
        Assert.False(cursor.GetProperty("available").GetBoolean());
        Assert.Contains("cursor-agent", cursor.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("AI_AVAILABLE_PROVIDERS", cursor.GetProperty("reason").GetString(), StringComparison.Ordinal);
        // The default provider's default model is AI_MODEL (unset here, so cursor's own).
        Assert.Equal("gpt-5.4-xhigh-fast", cursor.GetProperty("default_model").GetString());
        var openai = details.GetProperty("openai");
        Assert.False(openai.GetProperty("available").GetBoolean());
        Assert.Contains("Ai:OpenAI:Endpoint", openai.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, openai.GetProperty("default_model").ValueKind);
    }

    [Fact]
    public async Task A_run_of_an_unavailable_provider_is_refused_with_what_to_do_and_nothing_is_recorded()
    {
        using var client = fixture.Host.Client();
        var user = await Users.CreateAsync(client, "prov-user", "user");
        var repository = GitRepositories.Create(DocsfyAppFixture.UniqueName("doomed"), new Dictionary<string, string> { ["README.md"] = "# Doomed\n" });
        var name = Path.GetFileName(repository);

        var named = (await client.PostAsync("/api/generate", DocsfyAppFixture.Admin,
            new { repo_path = repository, ai_provider = "cursor", ai_model = "gpt-5" })).AssertError(HttpStatusCode.BadRequest);
        Assert.Contains("AI provider 'cursor' is not available on this server", named.Detail, StringComparison.Ordinal);
        Assert.Contains("Choose an available provider instead: claude, gemini, offline.", named.Detail, StringComparison.Ordinal);

        // The default provider (AI_PROVIDER, cursor) is not set up here either: said as such.
        var defaulted = (await client.PostAsync("/api/generate", user.Bearer, new { repo_url = "https://github.com/a/b" }))
            .AssertError(HttpStatusCode.BadRequest);
        Assert.Contains("The default AI provider 'cursor' is not available", defaulted.Detail, StringComparison.Ordinal);

        (await client.PostAsync("/api/generate", DocsfyAppFixture.Admin,
            new { repo_path = repository, ai_provider = "openai", ai_model = "llama3:8b" })).AssertError(HttpStatusCode.BadRequest);
        (await client.GetAsync($"/api/projects/{name}", DocsfyAppFixture.Admin)).AssertError(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Offline_accepts_only_markdown_and_a_run_without_a_model_gets_its_providers_default()
    {
        using var client = fixture.Host.Client();
        var repository = GitRepositories.Create(DocsfyAppFixture.UniqueName("defaults"), new Dictionary<string, string> { ["README.md"] = "# Defaults\n" });

        var wrong = (await client.PostAsync("/api/generate", DocsfyAppFixture.Admin,
            new { repo_path = repository, ai_provider = "offline", ai_model = "gpt-5" })).AssertError(HttpStatusCode.BadRequest);
        Assert.Contains("'markdown'", wrong.Detail, StringComparison.Ordinal);

        var offline = (await client.PostAsync("/api/generate", DocsfyAppFixture.Admin,
            new { repo_path = repository, ai_provider = "offline" })).AssertStatus(HttpStatusCode.Accepted);
        Assert.Equal("markdown", offline.String("ai_model"));

        var claude = (await client.PostAsync("/api/generate", DocsfyAppFixture.Admin,
            new { repo_path = repository, branch = "main", ai_provider = "claude" })).AssertStatus(HttpStatusCode.Accepted);
        Assert.Equal("sonnet", claude.String("ai_model"));
    }
}

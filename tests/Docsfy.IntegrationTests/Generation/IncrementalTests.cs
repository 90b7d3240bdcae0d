using System.Net;
using System.Text.Json;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Generation;

/// <summary>
/// Regeneration spends AI calls only where the repository changed (docs/design/variants.md §7 and §9,
/// docs/design/pipeline.md §3): up-to-date runs, incremental planning with the page cache, targeted page updates, and
/// variant replacement (another model always writes its own pages, and replaces the older variant only once it is
/// ready). The fake AI (Assets/fake-ai.sh) is steered by marker files committed into the repository under test.
/// </summary>
[Collection(DocsfyCollection.Name)]
public sealed class IncrementalTests(DocsfyAppFixture fixture)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    private static readonly Dictionary<string, string> SampleFiles = new()
    {
        ["README.md"] = "# Sample\n\nA sample library for tests.\n",
        ["src/sample.c"] = "int sample(void) { return 42; }\n",
    };

    /// <summary>The fake AI's plan: three pages (the third slug is made safe from "../../etc/passwd").</summary>
    private static readonly string[] Slugs = ["introduction", "usage"];

    [Fact]
    public async Task An_unchanged_repository_is_ready_and_up_to_date_without_any_AI_call()
    {
        await using var project = await ProjectAsync("same");
        await project.GenerateAsync("fake-model");

        var (again, runId) = await project.GenerateAsync("fake-model");

        Assert.Equal(["cloning"], again.Stages.Distinct());
        Assert.Equal("ready", again.StatusChange.GetProperty("status").GetString());
        Assert.Equal("up_to_date", Synced(again, project.Name, "fake-model").GetProperty("current_stage").GetString());
        var usage = await project.UsageAsync(runId);
        Assert.Equal(0, usage.GetProperty("calls").GetInt32());
    }

    [Fact]
    public async Task A_changed_file_rewrites_only_the_pages_the_planner_names_and_reuses_the_others_byte_for_byte()
    {
        await using var project = await ProjectAsync("incr");
        var (first, firstRun) = await project.GenerateAsync("fake-model");
        var slugs = PlanSlugs(Synced(first, project.Name, "fake-model"));
        var before = await project.PagesAsync("fake-model", slugs);
        var fullCalls = (await project.UsageAsync(firstRun)).GetProperty("calls").GetInt32();

        project.ChangeSample(selection: "[\"usage\"]");
        var (second, secondRun) = await project.GenerateAsync("fake-model");

        Assert.Equal(["cloning", "incremental_planning", "generating_pages", "validating", "cross_linking", "rendering"],
            second.Stages.Distinct());
        Assert.Equal("ready", second.StatusChange.GetProperty("status").GetString());
        Assert.Equal(slugs.Count, second.StatusChange.GetProperty("page_count").GetInt32());
        Assert.Equal(GitRepositories.HeadSha(project.Repository), second.StatusChange.GetProperty("last_commit_sha").GetString());
        var after = await project.PagesAsync("fake-model", slugs);
        foreach (var slug in slugs.Where(slug => slug != "usage"))
        {
            Assert.Equal(before[slug], after[slug]);
        }
        Assert.Contains("Written by the fake AI.", before["usage"], StringComparison.Ordinal);
        Assert.Contains("Updated by the fake AI.", after["usage"], StringComparison.Ordinal);
        Assert.DoesNotContain("Written by the fake AI.", after["usage"], StringComparison.Ordinal);

        // One planner call, then the update and the validation of the one affected page; the fake reports 100 input
        // and 10 output tokens and $0.001 per call, as claude's JSON result does.
        var usage = await project.UsageAsync(secondRun);
        Assert.Equal(3, usage.GetProperty("calls").GetInt32());
        Assert.Equal(300, usage.GetProperty("input_tokens").GetInt64());
        Assert.Equal(30, usage.GetProperty("output_tokens").GetInt64());
        Assert.Equal(0.003m, usage.GetProperty("cost_usd").GetDecimal());
        Assert.Equal(slugs.Count - 1, usage.GetProperty("pages_reused").GetInt32());
        Assert.True(fullCalls > 3, $"a full run made {fullCalls} calls");
    }

    [Fact]
    public async Task An_incremental_planner_that_cannot_decide_means_a_full_regeneration()
    {
        await using var project = await ProjectAsync("doubt");
        await project.GenerateAsync("fake-model");

        project.ChangeSample(selection: "Hard to say. <think>[\"usage\"]</think> {\"pages\": 3}");
        var (second, secondRun) = await project.GenerateAsync("fake-model");

        Assert.Equal(["cloning", "incremental_planning", "planning", "generating_pages", "validating", "cross_linking", "rendering"],
            second.Stages.Distinct());
        Assert.Equal("ready", second.StatusChange.GetProperty("status").GetString());
        Assert.Equal(0, (await project.UsageAsync(secondRun)).GetProperty("pages_reused").GetInt32());
    }

    [Fact]
    public async Task A_base_commit_that_is_no_longer_reachable_means_a_full_regeneration_not_an_error()
    {
        await using var project = await ProjectAsync("gone");
        await project.GenerateAsync("fake-model");

        var rewritten = GitRepositories.RewriteHistory(project.Repository, new Dictionary<string, string>(SampleFiles)
        {
            ["src/sample.c"] = "int sample(void) { return 7; }\n",
            ["DOCSFY_FAKE_SELECT"] = "[\"usage\"]",
        });
        var (second, secondRun) = await project.GenerateAsync("fake-model");

        Assert.Equal(["cloning", "incremental_planning", "planning", "generating_pages", "validating", "cross_linking", "rendering"],
            second.Stages.Distinct());
        Assert.Equal("ready", second.StatusChange.GetProperty("status").GetString());
        Assert.Equal(rewritten, second.StatusChange.GetProperty("last_commit_sha").GetString());
        Assert.Equal(0, (await project.UsageAsync(secondRun)).GetProperty("pages_reused").GetInt32());
    }

    [Fact]
    public async Task Another_model_on_a_changed_commit_writes_every_page_itself_and_replaces_the_older_variant_with_a_sync()
    {
        await using var project = await ProjectAsync("swap");
        await project.GenerateAsync("model-a");

        // The incremental planner would name only "usage", but another model's run is never incremental.
        project.ChangeSample(selection: "[\"usage\"]");
        var (second, secondRun) = await project.GenerateAsync("model-b");

        Assert.Equal(["cloning", "planning", "generating_pages", "validating", "cross_linking", "rendering"], second.Stages.Distinct());
        var models = Variants(second.Sync, project.Name).Select(v => v.GetProperty("ai_model").GetString()).ToList();
        Assert.Equal(["model-b"], models);
        (await project.Client.GetAsync($"/api/projects/{project.Name}/main/claude/model-a", DocsfyAppFixture.Admin)).AssertError(HttpStatusCode.NotFound);
        var slugs = PlanSlugs(Synced(second, project.Name, "model-b"));
        foreach (var page in (await project.PagesAsync("model-b", slugs)).Values)
        {
            Assert.Contains("Written as model model-b.", page, StringComparison.Ordinal);
            Assert.DoesNotContain("model-a", page, StringComparison.Ordinal);
        }
        Assert.Equal(0, (await project.UsageAsync(secondRun)).GetProperty("pages_reused").GetInt32());
    }

    [Fact]
    public async Task Another_model_on_an_already_documented_commit_runs_in_full_and_is_labelled_truthfully()
    {
        await using var project = await ProjectAsync("relabel");
        var (first, _) = await project.GenerateAsync("model-a");
        var slugs = PlanSlugs(Synced(first, project.Name, "model-a"));
        Assert.All((await project.PagesAsync("model-a", slugs)).Values,
            page => Assert.Contains("Written as model model-a.", page, StringComparison.Ordinal));

        var (second, secondRun) = await project.GenerateAsync("model-b");

        // Not "up to date" and not free: model-b wrote its own pages, and each one says so.
        Assert.Equal(["cloning", "planning", "generating_pages", "validating", "cross_linking", "rendering"], second.Stages.Distinct());
        var synced = Assert.Single(Variants(second.Sync, project.Name));
        Assert.Equal("model-b", synced.GetProperty("ai_model").GetString());
        Assert.Equal(JsonValueKind.Null, synced.GetProperty("current_stage").ValueKind);
        var usage = await project.UsageAsync(secondRun);
        Assert.True(usage.GetProperty("calls").GetInt32() > 0, "the new model made no AI call");
        Assert.Equal(0, usage.GetProperty("pages_reused").GetInt32());
        foreach (var page in (await project.PagesAsync("model-b", slugs)).Values)
        {
            Assert.Contains("Written as model model-b.", page, StringComparison.Ordinal);
            Assert.DoesNotContain("model-a", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Another_model_that_fails_leaves_the_older_variant_and_its_site_in_place()
    {
        await using var project = await ProjectAsync("keep");
        await project.GenerateAsync("model-a");

        GitRepositories.Commit(project.Repository, new Dictionary<string, string> { ["DOCSFY_FAKE_GARBAGE"] = "yes" }, "Break the plan");
        var (second, _) = await project.GenerateAsync("model-b", expect: "error");

        var models = Variants(second.Sync, project.Name).Select(v => v.GetProperty("ai_model").GetString()).Order().ToList();
        Assert.Equal(["model-a", "model-b"], models);
        Assert.Equal("ready", Synced(second, project.Name, "model-a").GetProperty("status").GetString());
        (await project.Client.GetAsync($"/docs/{project.Name}/main/claude/model-a/index.html", DocsfyAppFixture.Admin)).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_failed_run_still_names_the_commit_of_the_site_that_is_served()
    {
        await using var project = await ProjectAsync("served-commit");
        var (first, firstRun) = await project.GenerateAsync("fake-model");
        var published = GitRepositories.HeadSha(project.Repository);
        Assert.Equal(published, Synced(first, project.Name, "fake-model").GetProperty("published_commit_sha").GetString());

        // A newer commit whose run fails after cloning: the latest run's commit moves on, the served site's does not.
        GitRepositories.Commit(project.Repository, new Dictionary<string, string> { ["DOCSFY_FAKE_GARBAGE"] = "yes" }, "Break the plan");
        var failedCommit = GitRepositories.HeadSha(project.Repository);
        var (second, _) = await project.GenerateAsync("fake-model", expect: "error");

        var synced = Synced(second, project.Name, "fake-model");
        Assert.Equal("error", synced.GetProperty("status").GetString());
        Assert.Equal(failedCommit, synced.GetProperty("last_commit_sha").GetString());
        Assert.Equal(published, synced.GetProperty("published_commit_sha").GetString());
        var read = (await project.Client.GetAsync($"/api/projects/{project.Name}/main/claude/fake-model", DocsfyAppFixture.Admin))
            .AssertStatus(HttpStatusCode.OK);
        Assert.Equal(published, read.String("published_commit_sha"));
        Assert.Equal(failedCommit, read.String("last_commit_sha"));
        // And the site is still the first run's.
        var site = (await project.Client.GetAsync($"/docs/{project.Name}/main/claude/fake-model/index.html", DocsfyAppFixture.Admin))
            .AssertStatus(HttpStatusCode.OK);
        Assert.NotEqual(firstRun, read.String("generation_id"));
        Assert.Contains("Introduction", site.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_model_with_force_reuses_nothing_and_both_variants_remain()
    {
        await using var project = await ProjectAsync("both");
        await project.GenerateAsync("model-a");

        var (second, secondRun) = await project.GenerateAsync("model-b", force: true);

        Assert.Equal(["cloning", "planning", "generating_pages", "validating", "cross_linking", "rendering"], second.Stages.Distinct());
        var models = Variants(second.Sync, project.Name).Select(v => v.GetProperty("ai_model").GetString()).Order().ToList();
        Assert.Equal(["model-a", "model-b"], models);
        Assert.Equal(0, (await project.UsageAsync(secondRun)).GetProperty("pages_reused").GetInt32());
        (await project.Client.GetAsync($"/docs/{project.Name}/main/claude/model-a/index.html", DocsfyAppFixture.Admin)).AssertStatus(HttpStatusCode.OK);
    }

    private static IEnumerable<JsonElement> Variants(JsonElement sync, string name) =>
        sync.GetProperty("projects").EnumerateArray().Where(p => p.GetProperty("name").GetString() == name);

    private static JsonElement Synced(RunWatcher.RunMessages run, string name, string model) =>
        Variants(run.Sync, name).Single(p => p.GetProperty("ai_model").GetString() == model);

    private static IReadOnlyList<string> PlanSlugs(JsonElement variant)
    {
        using var plan = JsonDocument.Parse(variant.GetProperty("plan_json").GetString()!);
        var slugs = plan.RootElement.GetProperty("navigation").EnumerateArray()
            .SelectMany(group => group.GetProperty("pages").EnumerateArray())
            .Select(page => page.GetProperty("slug").GetString()!).ToList();
        Assert.Superset(Slugs.ToHashSet(), slugs.ToHashSet());
        return slugs;
    }

    private async Task<Project> ProjectAsync(string prefix)
    {
        var name = DocsfyAppFixture.UniqueName(prefix);
        var socket = await HubClient.ConnectSyncedAsync(fixture.Host, DocsfyAppHost.AdminKey);
        return new Project(name, GitRepositories.Create(name, SampleFiles), fixture.Host.Client(), socket);
    }

    /// <summary>One repository under test, documented with the fake <c>claude</c>, watched over one admin socket.</summary>
    private sealed record Project(string Name, string Repository, DocsfyClient Client, HubClient Socket) : IAsyncDisposable
    {
        public async Task<(RunWatcher.RunMessages Run, string RunId)> GenerateAsync(string model, bool force = false,
            string expect = "ready")
        {
            var started = await Client.PostAsync("/api/generate", DocsfyAppFixture.Admin,
                new { repo_path = Repository, ai_provider = "claude", ai_model = model, force });
            started.AssertStatus(HttpStatusCode.Accepted);
            var run = await RunWatcher.UntilFinishedAsync(Socket, Name, RunTimeout);
            Assert.Equal(expect, run.StatusChange.GetProperty("status").GetString());
            return (run, started.String("generation_id"));
        }

        /// <summary>Commits a change to a source file, with the answer the fake incremental planner is to give.</summary>
        public void ChangeSample(string selection) => GitRepositories.Commit(Repository, new Dictionary<string, string>
        {
            ["src/sample.c"] = "int sample(void) { return 43; }\n",
            ["DOCSFY_FAKE_SELECT"] = selection,
        }, "Change the sample");

        /// <summary>Each page's Markdown source as the site serves it.</summary>
        public async Task<Dictionary<string, string>> PagesAsync(string model, IReadOnlyList<string> slugs)
        {
            var pages = new Dictionary<string, string>();
            foreach (var slug in slugs)
            {
                var page = await Client.GetAsync($"/docs/{Name}/main/claude/{model}/{slug}.md", DocsfyAppFixture.Admin);
                page.AssertStatus(HttpStatusCode.OK);
                pages[slug] = page.Body;
            }
            return pages;
        }

        /// <summary>The <c>ai_usage</c> of the variant whose current run is <paramref name="runId"/>.</summary>
        public async Task<JsonElement> UsageAsync(string runId)
        {
            var variant = await Client.GetAsync($"/api/projects/by-id/{runId}", DocsfyAppFixture.Admin);
            variant.AssertStatus(HttpStatusCode.OK);
            return variant.Json.GetProperty("ai_usage");
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await Socket.DisposeAsync();
        }
    }
}

using System.Net;
using System.Text.Json;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Generation;

/// <summary>From POST /api/generate through RabbitMQ, the worker and PostgreSQL to a served site, watched live over /api/ws.</summary>
[Collection(DocsfyCollection.Name)]
public sealed class GenerationTests(DocsfyAppFixture fixture)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    internal static readonly Dictionary<string, string> SampleFiles = new()
    {
        ["README.md"] = "# Sample\n\nA sample library for tests.\n\n## Install\n\nCopy it.\n",
        ["docs/guide.md"] = "# User guide\n\nHow to use the sample.\n",
        ["src/sample.c"] = "int sample(void) { return 42; }\n",
        ["src/util/strings.c"] = "/* strings */\n",
    };

    /// <summary>The sample with a marker that makes every call of the fake AI hang, so a run stays generating.</summary>
    internal static readonly Dictionary<string, string> HangingFiles = new(SampleFiles) { ["DOCSFY_FAKE_HANG"] = "" };

    [Fact]
    public async Task Offline_generation_streams_every_stage_then_ready_then_sync_and_serves_the_site()
    {
        var name = DocsfyAppFixture.UniqueName("offline");
        var repository = GitRepositories.Create(name, SampleFiles);
        using var client = fixture.Host.Client();
        await using var socket = await HubClient.ConnectSyncedAsync(fixture.Host, DocsfyAppHost.AdminKey);

        var started = await client.PostAsync("/api/generate", DocsfyAppFixture.Admin,
            new { repo_path = repository, ai_provider = "offline", ai_model = "markdown" });
        started.AssertStatus(HttpStatusCode.Accepted);
        Assert.Equal(name, started.String("project"));
        Assert.Equal("generating", started.String("status"));
        Assert.Equal("admin", started.String("owner"));
        Assert.True(Guid.TryParse(started.String("generation_id"), out _));

        var run = await RunWatcher.UntilFinishedAsync(socket, name, RunTimeout);

        Assert.Equal(["cloning", "planning", "generating_pages", "cross_linking", "rendering"], run.Stages.Distinct());
        var pageCounts = run.Progress.Where(p => p.GetProperty("current_stage").GetString() == "generating_pages")
            .Select(p => p.GetProperty("page_count").GetInt32()).ToList();
        Assert.Equal(pageCounts.Order(), pageCounts);
        Assert.Equal("ready", run.StatusChange.GetProperty("status").GetString());
        var pageCount = run.StatusChange.GetProperty("page_count").GetInt32();
        Assert.Equal(pageCounts[^1], pageCount);
        Assert.Equal(4, pageCount); // overview, the user guide, the source tree and src/
        Assert.Equal(GitRepositories.HeadSha(repository), run.StatusChange.GetProperty("last_commit_sha").GetString());
        var synced = run.SyncedVariant(name);
        Assert.Equal("ready", synced.GetProperty("status").GetString());
        Assert.Contains("\"project_name\"", synced.GetProperty("plan_json").GetString(), StringComparison.Ordinal);

        var index = await client.GetAsync($"/docs/{name}/main/offline/markdown/index.html", DocsfyAppFixture.Admin);
        index.AssertStatus(HttpStatusCode.OK);
        Assert.StartsWith("text/html", index.Header("Content-Type"), StringComparison.Ordinal);
        var overview = await client.GetAsync($"/docs/{name}/main/offline/markdown/overview.html", DocsfyAppFixture.Admin);
        overview.AssertStatus(HttpStatusCode.OK);
        Assert.Contains("A sample library for tests.", overview.Body, StringComparison.Ordinal);
        var llms = await client.GetAsync($"/docs/{name}/llms.txt", DocsfyAppFixture.Admin);
        llms.AssertStatus(HttpStatusCode.OK);

        var download = await client.GetAsync($"/api/projects/{name}/main/offline/markdown/download", DocsfyAppFixture.Admin);
        download.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("application/gzip", download.Header("Content-Type"));
        Assert.Equal([0x1f, 0x8b], download.Bytes.Take(2));
    }

    [Fact]
    public async Task Regenerating_an_unchanged_commit_reuses_the_site_unless_forced()
    {
        var name = DocsfyAppFixture.UniqueName("again");
        var repository = GitRepositories.Create(name, SampleFiles);
        using var client = fixture.Host.Client();
        await using var socket = await HubClient.ConnectSyncedAsync(fixture.Host, DocsfyAppHost.AdminKey);
        var request = new { repo_path = repository, ai_provider = "offline", ai_model = "markdown" };

        (await client.PostAsync("/api/generate", DocsfyAppFixture.Admin, request)).AssertStatus(HttpStatusCode.Accepted);
        var first = await RunWatcher.UntilFinishedAsync(socket, name, RunTimeout);
        Assert.Equal("ready", first.StatusChange.GetProperty("status").GetString());

        (await client.PostAsync("/api/generate", DocsfyAppFixture.Admin, request)).AssertStatus(HttpStatusCode.Accepted);
        var again = await RunWatcher.UntilFinishedAsync(socket, name, RunTimeout);
        Assert.Equal(["cloning"], again.Stages.Distinct());
        Assert.Equal("ready", again.StatusChange.GetProperty("status").GetString());
        Assert.Equal(first.StatusChange.GetProperty("page_count").GetInt32(), again.StatusChange.GetProperty("page_count").GetInt32());
        Assert.Equal("up_to_date", again.SyncedVariant(name).GetProperty("current_stage").GetString());
        (await client.GetAsync($"/docs/{name}/main/offline/markdown/overview.html", DocsfyAppFixture.Admin)).AssertStatus(HttpStatusCode.OK);

        (await client.PostAsync("/api/generate", DocsfyAppFixture.Admin,
            new { repo_path = repository, ai_provider = "offline", ai_model = "markdown", force = true })).AssertStatus(HttpStatusCode.Accepted);
        var forced = await RunWatcher.UntilFinishedAsync(socket, name, RunTimeout);
        Assert.Contains("rendering", forced.Stages);
        Assert.Equal(JsonValueKind.Null, forced.SyncedVariant(name).GetProperty("current_stage").ValueKind);
    }

    [Fact]
    public async Task A_CLI_provider_writes_the_pages_and_its_untrusted_output_is_made_safe()
    {
        var name = DocsfyAppFixture.UniqueName("cli");
        var repository = GitRepositories.Create(name, SampleFiles);
        using var client = fixture.Host.Client();
        await using var socket = await HubClient.ConnectSyncedAsync(fixture.Host, DocsfyAppHost.AdminKey);

        (await client.PostAsync("/api/generate", DocsfyAppFixture.Admin,
            new { repo_path = repository, ai_provider = "claude", ai_model = "fake-model" })).AssertStatus(HttpStatusCode.Accepted);
        var run = await RunWatcher.UntilFinishedAsync(socket, name, RunTimeout);

        Assert.Equal(["cloning", "planning", "generating_pages", "validating", "cross_linking", "rendering"], run.Stages.Distinct());
        Assert.Equal("ready", run.StatusChange.GetProperty("status").GetString());
        Assert.Equal(3, run.StatusChange.GetProperty("page_count").GetInt32());

        var page = await client.GetAsync($"/docs/{name}/main/claude/fake-model/introduction.html", DocsfyAppFixture.Admin);
        page.AssertStatus(HttpStatusCode.OK);
        Assert.Contains("Written by the fake AI.", page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", page.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"usage.html\"", page.Body, StringComparison.Ordinal);

        var plan = run.SyncedVariant(name).GetProperty("plan_json").GetString()!;
        Assert.DoesNotContain("..", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("/", System.Text.Json.JsonDocument.Parse(plan).RootElement.GetProperty("navigation")
            .EnumerateArray().SelectMany(g => g.GetProperty("pages").EnumerateArray()).Select(p => p.GetProperty("slug").GetString()!)
            .Aggregate("", string.Concat), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_is_aborted_within_seconds_and_its_AI_process_is_killed()
    {
        var name = DocsfyAppFixture.UniqueName("abort");
        var repository = GitRepositories.Create(name, HangingFiles);
        // The model is on the fake tool's command line, so this test finds its own process among any others.
        var model = FakeAi.UniqueModel();
        using var client = fixture.Host.Client();
        await using var socket = await HubClient.ConnectSyncedAsync(fixture.Host, DocsfyAppHost.AdminKey);

        (await client.PostAsync("/api/generate", DocsfyAppFixture.Admin,
            new { repo_path = repository, ai_provider = "claude", ai_model = model })).AssertStatus(HttpStatusCode.Accepted);
        await RunWatcher.UntilStageAsync(socket, name, "planning", RunTimeout);
        await Eventually.HoldsAsync(() => FakeAi.Processes(model).Count > 0, "the fake AI to start", TimeSpan.FromSeconds(30));

        // The same variant cannot start twice.
        (await client.PostAsync("/api/generate", DocsfyAppFixture.Admin,
            new { repo_path = repository, ai_provider = "claude", ai_model = model })).AssertError(HttpStatusCode.Conflict);

        var aborted = await client.PostAsync($"/api/projects/{name}/abort", DocsfyAppFixture.Admin);
        aborted.AssertStatus(HttpStatusCode.OK);
        var run = await RunWatcher.UntilFinishedAsync(socket, name, TimeSpan.FromSeconds(30));
        Assert.Equal("aborted", run.StatusChange.GetProperty("status").GetString());
        Assert.Equal("aborted", run.SyncedVariant(name).GetProperty("status").GetString());
        // Who stopped it and where: an abort never reads like a crash.
        Assert.Equal("Aborted by admin at planning.", run.StatusChange.GetProperty("error_message").GetString());
        Assert.Equal("Aborted by admin at planning.", run.SyncedVariant(name).GetProperty("error_message").GetString());
        await Eventually.HoldsAsync(() => FakeAi.Processes(model).Count == 0, "the fake AI to be killed", TimeSpan.FromSeconds(30));

        // Nothing runs any more, so aborting again finds nothing.
        (await client.PostAsync($"/api/projects/{name}/abort", DocsfyAppFixture.Admin)).AssertError(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_missing_branch_and_an_unusable_plan_end_in_a_clear_error()
    {
        var missingBranch = DocsfyAppFixture.UniqueName("nobranch");
        var garbage = DocsfyAppFixture.UniqueName("garbage");
        var plain = GitRepositories.Create(missingBranch, SampleFiles);
        var garbageRepository = GitRepositories.Create(garbage, new Dictionary<string, string>(SampleFiles) { ["DOCSFY_FAKE_GARBAGE"] = "" });
        using var client = fixture.Host.Client();
        await using var socket = await HubClient.ConnectSyncedAsync(fixture.Host, DocsfyAppHost.AdminKey);

        (await client.PostAsync("/api/generate", DocsfyAppFixture.Admin,
            new { repo_path = plain, branch = "does-not-exist", ai_provider = "offline", ai_model = "markdown" })).AssertStatus(HttpStatusCode.Accepted);
        var noBranch = await RunWatcher.UntilFinishedAsync(socket, missingBranch, RunTimeout);
        Assert.Equal("error", noBranch.StatusChange.GetProperty("status").GetString());
        Assert.Contains("does-not-exist", noBranch.StatusChange.GetProperty("error_message").GetString(), StringComparison.Ordinal);

        (await client.PostAsync("/api/generate", DocsfyAppFixture.Admin,
            new { repo_path = garbageRepository, ai_provider = "claude", ai_model = "fake-model" })).AssertStatus(HttpStatusCode.Accepted);
        var badPlan = await RunWatcher.UntilFinishedAsync(socket, garbage, RunTimeout);
        Assert.Equal("error", badPlan.StatusChange.GetProperty("status").GetString());
        Assert.Contains("plan", badPlan.StatusChange.GetProperty("error_message").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Generate_refuses_bad_requests_with_a_clear_4xx()
    {
        using var client = fixture.Host.Client();
        var user = await Users.CreateAsync(client, "gen-user", "user");
        var viewer = await Users.CreateAsync(client, "gen-viewer", "viewer");
        var repository = GitRepositories.Create(DocsfyAppFixture.UniqueName("badreq"), SampleFiles);
        var notARepository = Directory.CreateTempSubdirectory("docsfy-plain-").FullName;

        async Task Refused(Credential who, object body, HttpStatusCode status) =>
            (await client.PostAsync("/api/generate", who, body)).AssertError(status);

        await Refused(viewer.Bearer, new { repo_url = "https://github.com/a/b" }, HttpStatusCode.Forbidden);
        await Refused(user.Bearer, new { repo_path = repository, ai_provider = "offline", ai_model = "markdown" }, HttpStatusCode.Forbidden);
        await Refused(DocsfyAppFixture.Admin, new { repo_path = notARepository, ai_provider = "offline", ai_model = "markdown" }, HttpStatusCode.BadRequest);
        await Refused(DocsfyAppFixture.Admin, new { repo_path = "relative/path", ai_provider = "offline", ai_model = "markdown" }, HttpStatusCode.BadRequest);
        await Refused(user.Bearer, new { }, HttpStatusCode.BadRequest);
        await Refused(user.Bearer, new { repo_url = "https://github.com/a/b", repo_path = "/tmp" }, HttpStatusCode.BadRequest);
        await Refused(user.Bearer, new { repo_url = "https://user:secret@github.com/a/b.git" }, HttpStatusCode.BadRequest);
        // This app host allows loopback hosts (runs clone from the tests' own git server); private addresses stay refused.
        await Refused(user.Bearer, new { repo_url = "http://10.0.0.1/a/b.git" }, HttpStatusCode.BadRequest);
        await Refused(user.Bearer, new { repo_url = "http://169.254.169.254/latest/meta-data" }, HttpStatusCode.BadRequest);
        await Refused(user.Bearer, new { repo_url = "file:///etc/passwd" }, HttpStatusCode.BadRequest);
        await Refused(user.Bearer, new { repo_url = "https://github.com/a/b", branch = "../main" }, HttpStatusCode.BadRequest);
        await Refused(user.Bearer, new { repo_url = "https://github.com/a/b", ai_provider = "skynet", ai_model = "x" }, HttpStatusCode.BadRequest);
        await Refused(user.Bearer, new { repo_url = "https://github.com/a/b", ai_provider = "claude", ai_model = "a/../b" }, HttpStatusCode.BadRequest);
        await Refused(user.Bearer, new { repo_url = "https://github.com/a/b", ai_cli_timeout = 0 }, HttpStatusCode.BadRequest);
        await Refused(user.Bearer, new { repo_url = "https://github.com/a/b", repo_type = "spaceship" }, HttpStatusCode.BadRequest);
        await Refused(user.Bearer, new { repo_url = "https://github.com/a/b", force = "yes" }, HttpStatusCode.UnprocessableEntity);
        await Refused(user.Bearer, new { repo_url = "https://github.com/a/b", surprise = 1 }, HttpStatusCode.UnprocessableEntity);
        (await client.SendRawAsync(HttpMethod.Post, "/api/generate", user.Bearer, "{\"repo_url\": ")).AssertError(HttpStatusCode.BadRequest);
        (await client.PostAsync("/api/generate", null, new { repo_url = "https://github.com/a/b" })).AssertStatus(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_refused_run_names_the_field_at_fault_in_the_users_words()
    {
        using var client = fixture.Host.Client();
        var repository = GitRepositories.Create(DocsfyAppFixture.UniqueName("fields"), SampleFiles);
        var notARepository = Directory.CreateTempSubdirectory("docsfy-plain-").FullName;

        async Task<Reply> Refused(object body) =>
            (await client.PostAsync("/api/generate", DocsfyAppFixture.Admin, body)).AssertError(HttpStatusCode.BadRequest);

        var path = await Refused(new { repo_path = notARepository, ai_provider = "offline", ai_model = "markdown" });
        Assert.Equal("repo_path", path.String("field"));
        Assert.Equal("This path is not a git repository (no .git folder, and not a bare repository).", path.Detail);
        Assert.Equal("repo_url", (await Refused(new { repo_url = "ftp://example.com/a/b.git", ai_provider = "offline" })).String("field"));
        Assert.Equal("branch", (await Refused(new { repo_path = repository, branch = "../x", ai_provider = "offline" })).String("field"));
        Assert.Equal("ai_model", (await Refused(new { repo_path = repository, ai_provider = "offline", ai_model = "x" })).String("field"));
        Assert.Equal("ai_provider", (await Refused(new { repo_path = repository, ai_provider = "cursor", ai_model = "x" })).String("field"));
        // A request-wide problem names no field.
        var both = await Refused(new { repo_url = "https://github.com/a/b", repo_path = "/tmp" });
        Assert.False(both.Json.TryGetProperty("field", out _));
    }
}

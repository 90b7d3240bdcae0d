using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Docsfy.Bench.Infrastructure;
using Docsfy.Bench.Reporting;
using Npgsql;

namespace Docsfy.Bench.Scenarios;

/// <summary>
/// (h) Full-text search over 10,000 published pages: 100 sites of 100 pages, written as workers write them and indexed
/// by the API when the bench sends each run's <c>ready</c> event. Then <c>GET /api/search</c> latency, one request at a
/// time, for an admin (who sees every site) and for a user who owns two of them, next to the baseline of a plain
/// substring scan (<c>ILIKE</c>) over the same pages' text in PostgreSQL, without HTTP.
/// </summary>
public static class SearchScenario
{
    private const int Sites = 100;
    private const int PagesPerSite = 100;
    private const int SamplesPerQuery = 200;
    private const int WarmUp = 20;
    private static readonly string[] Queries = ["connection", "HubConnection", "max_concurrent_pages", "\"exponential backoff\"", "retries timeout"];

    public static async Task RunAsync(BenchContext context, int attempt)
    {
        var report = context.Report;
        report.Heading($"(h) Search over {Format.Number(Sites * PagesPerSite)} pages, run {attempt}");
        var database = await context.Host.ConnectionStringAsync("docsfydb");
        var sites = new SearchSites(database);

        var finished = await sites.CreateAsync($"search{attempt}", Sites, PagesPerSite);
        var runs = finished.Select(f => f.RunId).ToList();
        var indexing = Stopwatch.StartNew();
        await using (var sender = await WireEventSender.ConnectAsync(await context.Host.ConnectionStringAsync("messaging")))
        {
            await sender.SendAsync(finished, f => f.RunId);
        }
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(10);
        long indexed;
        while ((indexed = await sites.IndexedPagesAsync(runs)) < Sites * PagesPerSite && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        var indexTime = indexing.Elapsed;
        BenchReport.Progress($"{indexed:N0} pages indexed in {indexTime.TotalSeconds:0.0} s");

        using var http = new HttpClient { BaseAddress = context.Host.ApiBaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var admin = await MeasureApiAsync(http, BenchAppHost.AdminKey);
        var userKey = await CreateUserAsync(http, finished[0].Variant.Owner);
        var user = await MeasureApiAsync(http, userKey);
        var baseline = await MeasureScanAsync(database, runs);

        report.Line($"{Format.Number(indexed)} of {Format.Number(Sites * PagesPerSite)} pages ({Sites} sites × {PagesPerSite}, ~1.6 KB of text each) " +
                    $"indexed at publish in {indexTime.TotalSeconds:0.0} s from the first ready event. Queries, {SamplesPerQuery} times each " +
                    $"after {WarmUp} warm-up requests, one at a time: {string.Join(", ", Queries.Select(q => $"`{q}`"))}; limit 10.");
        report.Table(["path", "requests", "median", "p95", "**p99**", "max"],
        [
            Row("baseline: `ILIKE '%word%'` scan of the same pages in PostgreSQL (no HTTP)", baseline),
            Row("`GET /api/search` as admin (every site visible)", admin),
            Row($"`GET /api/search` as a user who owns {Sites / 50} of the sites", user),
        ]);
    }

    private static IReadOnlyList<string> Row(string path, Percentiles times) =>
        [path, Format.Number(times.Count), Format.Ms(times.P50), Format.Ms(times.P95), $"**{Format.Ms(times.P99)}**", Format.Ms(times.Max)];

    private static async Task<Percentiles> MeasureApiAsync(HttpClient http, string key)
    {
        async Task<TimeSpan> OnceAsync(string query)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/search?q={Uri.EscapeDataString(query)}&limit=10");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            var clock = Stopwatch.StartNew();
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            return clock.Elapsed;
        }
        return await SampleAsync(OnceAsync);
    }

    private static async Task<Percentiles> MeasureScanAsync(string database, IReadOnlyList<Guid> runs)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        async Task<TimeSpan> OnceAsync(string query)
        {
            await using var command = new NpgsqlCommand("""
                select slug, title from search_pages
                where generation_id = any(@runs) and (title ilike @pattern or body ilike @pattern)
                order by title limit 10
                """, connection);
            command.Parameters.AddWithValue("runs", runs.ToArray());
            command.Parameters.AddWithValue("pattern", $"%{query.Trim('"')}%");
            var clock = Stopwatch.StartNew();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
            }
            return clock.Elapsed;
        }
        return await SampleAsync(OnceAsync);
    }

    private static async Task<Percentiles> SampleAsync(Func<string, Task<TimeSpan>> once)
    {
        for (var i = 0; i < WarmUp; i++)
        {
            await once(Queries[i % Queries.Length]);
        }
        var times = new List<TimeSpan>();
        for (var i = 0; i < SamplesPerQuery * Queries.Length; i++)
        {
            times.Add(await once(Queries[i % Queries.Length]));
        }
        var result = Percentiles.Of(times);
        BenchReport.Progress($"search: {result}");
        return result;
    }

    /// <summary>The owner's user (the seeded rows name it, but no users row exists yet) and its API key.</summary>
    private static async Task<string> CreateUserAsync(HttpClient http, string username)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/users")
        {
            Content = JsonContent.Create(new { username, role = "user" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BenchAppHost.AdminKey);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return body.GetProperty("api_key").GetString()!;
    }
}

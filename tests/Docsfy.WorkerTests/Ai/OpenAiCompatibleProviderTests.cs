using System.Diagnostics;
using System.Net.Sockets;
using Docsfy.Worker.Ai;
using Docsfy.Worker.Ai.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Docsfy.WorkerTests.Ai;

public sealed class OpenAiCompatibleProviderTests
{
    private const string ApiKey = "sk-test-0123456789abcdef";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_chat_completion_returns_the_answer_and_its_token_usage()
    {
        await using var server = await FakeOpenAiServer.StartAsync(FakeOpenAiServer.Answer("Hello from the model", 12, 5));
        using var provider = Provider(server.Endpoint);

        var reply = await provider.CompleteAsync(Request("Write the intro page", "llama3"), CancellationToken.None);

        Assert.Equal("Hello from the model", reply.Text);
        Assert.Equal(new AiUsage(12, 5, null), reply.Usage);
        var request = Assert.Single(server.Requests);
        Assert.Equal($"Bearer {ApiKey}", request.Authorization);
        Assert.Equal("llama3", request.Body.GetProperty("model").GetString());
        Assert.Contains("Write the intro page", request.Body.GetProperty("messages").GetRawText());
    }

    [Fact]
    public async Task Without_a_requested_model_the_default_model_is_used()
    {
        await using var server = await FakeOpenAiServer.StartAsync(FakeOpenAiServer.Answer("ok"));
        using var provider = Provider(server.Endpoint, options => options.DefaultModel = "qwen3");

        await provider.CompleteAsync(Request("p", model: ""), CancellationToken.None);

        Assert.Equal("qwen3", Assert.Single(server.Requests).Body.GetProperty("model").GetString());
    }

    [Fact]
    public async Task A_server_error_fails_the_call_without_revealing_the_key()
    {
        await using var server = await FakeOpenAiServer.StartAsync(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsync($$$"""{"error":{"message":"Incorrect API key provided: {{{ApiKey}}}"}}""");
        });
        using var provider = Provider(server.Endpoint);

        var failure = await Assert.ThrowsAsync<AiCallFailedException>(
            () => provider.CompleteAsync(Request("p"), CancellationToken.None));

        Assert.Contains("HTTP 500", failure.Message);
        Assert.DoesNotContain(ApiKey, failure.Message);
        Assert.DoesNotContain(ApiKey, failure.InnerException?.Message ?? "");
    }

    [Fact]
    public async Task A_hanging_endpoint_times_out()
    {
        await using var server = await FakeOpenAiServer.StartAsync(context => Task.Delay(Timeout.Infinite, context.RequestAborted));
        using var provider = Provider(server.Endpoint);
        var stopwatch = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<AiCallFailedException>(
            () => provider.CompleteAsync(Request("p", timeout: TimeSpan.FromSeconds(1)), CancellationToken.None));

        Assert.Contains("did not answer within", failure.Message);
        Assert.True(stopwatch.Elapsed < Bound, $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task An_abort_cancels_a_waiting_call()
    {
        await using var server = await FakeOpenAiServer.StartAsync(context => Task.Delay(Timeout.Infinite, context.RequestAborted));
        using var provider = Provider(server.Endpoint);
        using var abort = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => provider.CompleteAsync(Request("p"), abort.Token));
    }

    [Fact]
    public async Task An_unreachable_endpoint_fails_the_call()
    {
        using var provider = Provider($"http://127.0.0.1:{UnusedPort()}/v1");

        var failure = await Assert.ThrowsAsync<AiCallFailedException>(
            () => provider.CompleteAsync(Request("p"), CancellationToken.None));

        Assert.Contains("could not be reached", failure.Message);
    }

    [Fact]
    public async Task An_answer_that_is_not_a_chat_completion_fails_the_call()
    {
        await using var server = await FakeOpenAiServer.StartAsync(context => context.Response.WriteAsync("<html>proxy login</html>"));
        using var provider = Provider(server.Endpoint);

        await Assert.ThrowsAsync<AiCallFailedException>(() => provider.CompleteAsync(Request("p"), CancellationToken.None));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("ftp://example.com/v1")]
    public async Task Without_a_usable_endpoint_the_provider_is_unavailable_and_names_the_settings(string? endpoint)
    {
        using var provider = Provider(endpoint);

        var failure = await Assert.ThrowsAsync<AiProviderUnavailableException>(
            () => provider.CompleteAsync(Request("p"), CancellationToken.None));

        Assert.Contains("Ai:OpenAI:Endpoint", failure.Message);
    }

    private static OpenAiCompatibleProvider Provider(string? endpoint, Action<OpenAiOptions>? configure = null)
    {
        var options = new AiOptions { OpenAI = { Endpoint = endpoint, ApiKey = ApiKey, MaxRetries = 0 } };
        configure?.Invoke(options.OpenAI);
        return new OpenAiCompatibleProvider(Options.Create(options), NullLogger<OpenAiCompatibleProvider>.Instance);
    }

    private static AiRequest Request(string prompt, string model = "test-model", TimeSpan? timeout = null) =>
        new(model, prompt, Path.GetTempPath(), timeout ?? TimeSpan.FromMinutes(1));

    private static int UnusedPort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Docsfy.WorkerTests.Ai;

/// <summary>
/// A minimal OpenAI-compatible endpoint on 127.0.0.1 and a free port: <c>POST /v1/chat/completions</c> answers with
/// <paramref name="respond"/>. Requests it received are kept for assertions.
/// </summary>
internal sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeOpenAiServer(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>The base address to configure as <c>Ai:OpenAI:Endpoint</c>, e.g. <c>http://127.0.0.1:41234/v1</c>.</summary>
    public string Endpoint { get; private set; } = "";

    public static async Task<FakeOpenAiServer> StartAsync(Func<HttpContext, Task> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeOpenAiServer(app);
        app.MapPost("/v1/chat/completions", async context =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            server.Requests.Enqueue(new ReceivedRequest(context.Request.Headers.Authorization.ToString(), body.RootElement.Clone()));
            await respond(context);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single();
        server.Endpoint = address + "/v1";
        return server;
    }

    /// <summary>A chat completion in OpenAI's shape, with token usage.</summary>
    public static Func<HttpContext, Task> Answer(string content, int promptTokens = 12, int completionTokens = 5) =>
        context => context.Response.WriteAsJsonAsync(new
        {
            id = "chatcmpl-test",
            @object = "chat.completion",
            created = 1_700_000_000,
            model = "test-model",
            choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
            usage = new { prompt_tokens = promptTokens, completion_tokens = completionTokens, total_tokens = promptTokens + completionTokens },
        });

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
    }

    public sealed record ReceivedRequest(string Authorization, JsonElement Body);
}

using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Docsfy.Cli.Connection;
using Docsfy.Cli.Projects;
using Docsfy.Cli.Runs.Watch;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Docsfy.UnitTests.Cli;

/// <summary>
/// Watching against a scripted loopback hub: the first connection sends progress and a ping, then drops once the pong is in; the
/// second sends the fresh sync with the run ended. The follower must answer the ping, reconnect, and take that sync.
/// </summary>
public sealed class RunFollowerTests : IAsyncLifetime
{
    private const string Key = "docsfy_follower-test-key-0123456789";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private static readonly VariantId Run = new("repo", "main", "offline", "markdown", "admin");

    private readonly TaskCompletionSource _pongSeen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _hub;
    private int _connections;
    private string? _tokenSeen;

    private Uri Address => new(_hub!.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _hub = builder.Build();
        _hub.UseWebSockets();
        _hub.Map("/api/ws", HubAsync);
        _hub.MapGet("/api/projects/by-id/{id}", () => Results.Text(
            """{"name":"repo","branch":"main","ai_provider":"offline","ai_model":"markdown","owner":"admin","status":"ready","page_count":4,"current_stage":null}""",
            "application/json"));
        await _hub.StartAsync();
    }

    private async Task HubAsync(HttpContext context)
    {
        _tokenSeen = context.Request.Query["token"];
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = Interlocked.Increment(ref _connections);
        if (connection == 1)
        {
            await SendAsync(socket, """{"type":"sync","projects":[{"name":"repo","branch":"main","ai_provider":"offline","ai_model":"markdown","owner":"admin","status":"generating","current_stage":"cloning","page_count":0}]}""");
            await SendAsync(socket, """{"type":"progress","name":"repo","branch":"main","provider":"offline","model":"markdown","owner":"admin","status":"generating","current_stage":"planning"}""");
            // The pong comes after the client has read everything before the ping.
            await SendAsync(socket, """{"type":"ping"}""");
            var buffer = new byte[256];
            var pong = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (Encoding.UTF8.GetString(buffer, 0, pong.Count) == """{"type":"pong"}""")
            {
                _pongSeen.TrySetResult();
            }
            // Dropped without a close frame, as a restarting server or a broken network would.
            context.Abort();
            return;
        }
        await SendAsync(socket, """{"type":"sync","projects":[{"name":"repo","branch":"main","ai_provider":"offline","ai_model":"markdown","owner":"admin","status":"ready","current_stage":null,"page_count":4}]}""");
        await socket.ReceiveAsync(new byte[256], CancellationToken.None);
    }

    private static Task SendAsync(WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    [Fact]
    public async Task A_dropped_socket_is_reconnected_and_the_fresh_sync_ends_the_watch()
    {
        using var api = new ApiClient(new ServerConnection(Address, Key, "test"));
        var view = new RecordingView();
        await using var follower = new RunFollower(api, WatchLimits.Default(Limit) with { FirstBackoff = TimeSpan.FromMilliseconds(50) });
        using var timeout = new CancellationTokenSource(Limit);

        await follower.OpenAsync(timeout.Token);
        var end = await follower.FollowAsync(Run, Guid.NewGuid().ToString(), useFirstSync: true, view, timeout.Token);

        Assert.Equal("ready", end.Status);
        Assert.Equal(4, end.PageCount);
        await _pongSeen.Task.WaitAsync(Limit);
        Assert.Equal(2, _connections);
        Assert.Equal(Key, _tokenSeen);
        Assert.Equal(["cloning", "planning"], view.States.Select(s => s.Stage).Where(s => s is not null).Distinct());
        Assert.Contains(view.Notices, notice => notice.StartsWith("Connection lost", StringComparison.Ordinal));
        Assert.DoesNotContain(view.Notices, notice => notice.Contains(Key, StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }
    }

    private sealed class RecordingView : IRunView
    {
        public List<RunState> States { get; } = [];

        public List<string> Notices { get; } = [];

        public Task<T> ShowAsync<T>(Func<Task<T>> watch) => watch();

        public void Message(JsonElement message)
        {
        }

        public void Update(RunState state) => States.Add(state);

        public void Notice(string text) => Notices.Add(text);

        public void Finished(RunState state, Uri? docs)
        {
        }
    }
}

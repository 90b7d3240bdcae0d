using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>
/// The official MCP C# client connected to the API's <c>/mcp</c> over streamable HTTP with a user's API key as a
/// Bearer token, from a client address of its own. Every call is time-boxed.
/// </summary>
public sealed class McpSession : IAsyncDisposable
{
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(60);

    private readonly HttpClient _http;

    private McpSession(HttpClient http, McpClient client)
    {
        _http = http;
        Client = client;
    }

    public McpClient Client { get; }

    public static async Task<McpSession> ConnectAsync(DocsfyAppHost host, string apiKey)
    {
        var http = new HttpClient { Timeout = CallTimeout };
        http.DefaultRequestHeaders.Add(ClientAddresses.Header, ClientAddresses.Next());
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(host.ApiBaseAddress, "/mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = $"Bearer {apiKey}" },
        }, http, ownsHttpClient: false);
        try
        {
            var client = await McpClient.CreateAsync(transport).WaitAsync(CallTimeout);
            return new McpSession(http, client);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    public async Task<IReadOnlyList<string>> ToolNamesAsync() =>
        [.. (await Client.ListToolsAsync().AsTask().WaitAsync(CallTimeout)).Select(t => t.Name).Order(StringComparer.Ordinal)];

    /// <summary>Calls <paramref name="tool"/> and returns its structured answer; fails when the tool answered an error.</summary>
    public async Task<JsonElement> CallAsync(string tool, object? arguments = null)
    {
        var result = await RawCallAsync(tool, arguments);
        Assert.True(result.IsError is not true, $"{tool} failed: {Text(result)}");
        return JsonSerializer.SerializeToElement(result.StructuredContent);
    }

    /// <summary>Calls <paramref name="tool"/> expecting a tool error; returns its message.</summary>
    public async Task<string> ErrorAsync(string tool, object? arguments = null)
    {
        var result = await RawCallAsync(tool, arguments);
        Assert.True(result.IsError is true, $"{tool} succeeded: {Text(result)}");
        return Text(result);
    }

    public async Task<CallToolResult> RawCallAsync(string tool, object? arguments) =>
        await Client.CallToolAsync(tool, ToDictionary(arguments)).AsTask().WaitAsync(CallTimeout);

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        _http.Dispose();
    }

    private static string Text(CallToolResult result) =>
        string.Join("\n", result.Content.OfType<TextContentBlock>().Select(c => c.Text));

    private static Dictionary<string, object?> ToDictionary(object? arguments) => arguments is null
        ? []
        : JsonSerializer.SerializeToElement(arguments).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
}

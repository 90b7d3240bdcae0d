using System.Text.Json;

namespace Docsfy.UnitTests.OpenApi;

/// <summary>One <see cref="UnstartedApi"/> and the document it serves, shared by a test class.</summary>
public abstract class UnstartedApiHolder(string environment) : IAsyncLifetime
{
    public UnstartedApi Api { get; } = new(environment);

    public JsonElement Document { get; private set; }

    public async Task InitializeAsync()
    {
        using var client = Api.CreateClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var json = await client.GetStringAsync("/openapi/v1.json", timeout.Token);
        Document = JsonDocument.Parse(json).RootElement.Clone();
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Docsfy.Cli.Connection;

/// <summary>
/// The public REST API, with the key as a Bearer header. Every call has a time limit; every failure becomes a
/// <see cref="CliFailure"/> with the server's <c>detail</c> or a one-line description of what went wrong.
/// </summary>
public sealed class ApiClient : IDisposable
{
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan DownloadTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Far above any real answer (a sync of thousands of variants); a larger one is refused, not buffered.</summary>
    private const int MaxJsonBytes = 64 * 1024 * 1024;

    private readonly HttpClient _http;

    public ApiClient(ServerConnection connection, HttpMessageHandler? handler = null)
    {
        Connection = connection;
        // No redirects: .NET drops the Authorization header on one anyway, and a key should only go where it was sent.
        _http = new HttpClient(handler ?? new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = connection.BaseUrl,
            Timeout = Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = MaxJsonBytes,
        };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", connection.ApiKey);
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("docsfy-cli", "1.0"));
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    public ServerConnection Connection { get; }

    public Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, null, cancellationToken);

    public Task<JsonElement> PostAsync(string path, JsonObject? body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, path, body, cancellationToken);

    /// <summary>Sends one request and returns its JSON answer (an empty object for 204).</summary>
    public async Task<JsonElement> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        using var response = await SendCoreAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token, cancellationToken, RequestTimeout);
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return JsonDocument.Parse("{}").RootElement;
        }
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new CliFailure(ExitCodes.Unreachable, $"The server at {Connection.BaseUrl} did not answer like a Docsfy server (not JSON).");
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException
                                              || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw NetworkFailures.From(exception, Connection.BaseUrl, RequestTimeout);
        }
    }

    /// <summary>Streams a download into <paramref name="destination"/>; returns the file name the server suggests.</summary>
    public async Task<string?> DownloadAsync(string path, Stream destination, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(DownloadTimeout);
        using var response = await SendCoreAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token, cancellationToken, DownloadTimeout);
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            await body.CopyToAsync(destination, timeout.Token);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException
                                              || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw NetworkFailures.From(exception, Connection.BaseUrl, DownloadTimeout);
        }
        return response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"');
    }

    private async Task<HttpResponseMessage> SendCoreAsync(HttpRequestMessage request, HttpCompletionOption completion,
        CancellationToken timeoutToken, CancellationToken userToken, TimeSpan limit)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, completion, timeoutToken);
        }
        catch (Exception exception) when (exception is HttpRequestException
                                              || (exception is OperationCanceledException && !userToken.IsCancellationRequested))
        {
            throw NetworkFailures.From(exception, Connection.BaseUrl, limit);
        }
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await ApiErrors.FromResponseAsync(response, timeoutToken);
            }
        }
        return response;
    }

    public void Dispose() => _http.Dispose();
}

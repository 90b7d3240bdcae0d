using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using Docsfy.Contracts;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;

namespace Docsfy.Worker.Ai.Http;

/// <summary>
/// The <c>openai</c> provider: one chat completion against an OpenAI-compatible endpoint. Unlike the CLI tools it cannot
/// read the checkout, so prompts for it must carry what the model needs to see.
/// </summary>
internal sealed partial class OpenAiCompatibleProvider(IOptions<AiOptions> options, ILogger<OpenAiCompatibleProvider> logger)
    : IAiProvider, IDisposable
{
    public const string ProviderName = AiProviderName.OpenAi;

    // Used only when the endpoint ignores keys (Ollama, vLLM): the OpenAI client refuses an empty credential.
    private const string PlaceholderApiKey = "unused";

    private readonly Lazy<IChatClient> _client = new(() => CreateClient(options.Value.OpenAI));

    public string Name => ProviderName;

    public bool IsReady => Uri.TryCreate(options.Value.OpenAI.Endpoint, UriKind.Absolute, out var endpoint)
        && (endpoint.Scheme == Uri.UriSchemeHttp || endpoint.Scheme == Uri.UriSchemeHttps);

    public async Task<AiReply> CompleteAsync(AiRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value.OpenAI;
        var endpoint = EndpointOf(settings);
        var model = string.IsNullOrWhiteSpace(request.Model) ? settings.DefaultModel : request.Model;
        if (string.IsNullOrWhiteSpace(model))
            throw new AiCallFailedException("openai: no model was requested and Ai:OpenAI:DefaultModel is not set.");

        using var callCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (request.Timeout > TimeSpan.Zero && request.Timeout.TotalMilliseconds < int.MaxValue)
            callCts.CancelAfter(request.Timeout);

        var stopwatch = Stopwatch.StartNew();
        ChatResponse response;
        try
        {
            response = await _client.Value.GetResponseAsync(request.Prompt, new ChatOptions { ModelId = model }, callCts.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && callCts.IsCancellationRequested)
        {
            throw new AiCallFailedException($"openai: {endpoint.Authority} did not answer within {request.Timeout}.");
        }
        catch (ClientResultException exception) when (exception.Status == 0)
        {
            // No HTTP response at all: the client reports connection failures this way.
            var reason = exception.InnerException is HttpRequestException http ? http.HttpRequestError.ToString() : "no response";
            throw new AiCallFailedException($"openai: {endpoint.Authority} could not be reached ({reason}).");
        }
        catch (ClientResultException exception)
        {
            // The exception's own message quotes the response body, which may echo (part of) the key: never pass it on.
            throw new AiCallFailedException($"openai: {endpoint.Authority} answered HTTP {exception.Status} for model '{model}'.");
        }
        catch (HttpRequestException exception)
        {
            throw new AiCallFailedException($"openai: {endpoint.Authority} could not be reached ({exception.HttpRequestError}).");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // E.g. a server that answers 200 with something other than a chat completion.
            throw new AiCallFailedException($"openai: the answer from {endpoint.Authority} could not be read.", exception);
        }

        var usage = response.Usage is { } details
            ? new AiUsage(details.InputTokenCount, details.OutputTokenCount, CostUsd: null)
            : null;
        LogFinished(model, stopwatch.Elapsed, usage?.InputTokens, usage?.OutputTokens);

        if (string.IsNullOrWhiteSpace(response.Text))
            throw new AiCallFailedException($"openai: model '{model}' gave no answer.");
        return new AiReply(response.Text, usage);
    }

    public void Dispose()
    {
        if (_client.IsValueCreated)
            _client.Value.Dispose();
    }

    private static Uri EndpointOf(OpenAiOptions settings)
    {
        if (string.IsNullOrWhiteSpace(settings.Endpoint))
        {
            throw new AiProviderUnavailableException(
                "The AI provider 'openai' needs an OpenAI-compatible endpoint: set Ai:OpenAI:Endpoint (environment " +
                "Ai__OpenAI__Endpoint or OPENAI_BASE_URL), e.g. http://localhost:11434/v1, and Ai:OpenAI:ApiKey " +
                "(or OPENAI_API_KEY) if it needs a key.");
        }
        if (!Uri.TryCreate(settings.Endpoint, UriKind.Absolute, out var endpoint)
            || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new AiProviderUnavailableException("The AI provider 'openai' is misconfigured: Ai:OpenAI:Endpoint is not an http(s) URL.");
        }
        return endpoint;
    }

    private static IChatClient CreateClient(OpenAiOptions settings)
    {
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = EndpointOf(settings),
            RetryPolicy = new ClientRetryPolicy(Math.Max(0, settings.MaxRetries)),
            // The call's own time limit (AiRequest.Timeout) governs; the client's 100 s default would cut long answers.
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        };
        var apiKey = string.IsNullOrEmpty(settings.ApiKey) ? PlaceholderApiKey : settings.ApiKey;
        var model = string.IsNullOrWhiteSpace(settings.DefaultModel) ? "default" : settings.DefaultModel;
        return new ChatClient(model, new ApiKeyCredential(apiKey), clientOptions).AsIChatClient();
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "openai ({Model}) answered after {Elapsed}: {InputTokens} input and {OutputTokens} output tokens")]
    private partial void LogFinished(string model, TimeSpan elapsed, long? inputTokens, long? outputTokens);
}

using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Docsfy.Api.Mcp;

/// <summary>
/// Arguments the SDK cannot bind to a tool's parameters (a required one missing, a string where a number belongs)
/// fail before the tool runs, and the SDK would answer only "An error occurred". This filter turns them into a tool
/// error that says which argument is wrong, so an agent can correct its call.
/// </summary>
public static class ArgumentErrors
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Filter(
        McpRequestHandler<CallToolRequestParams, CallToolResult> next) => async (request, cancellationToken) =>
    {
        try
        {
            return await next(request, cancellationToken);
        }
        catch (ArgumentException exception)
        {
            var message = exception.ParamName is { } name
                ? exception.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal)
                : exception.Message;
            throw new McpException($"Invalid arguments: {message}");
        }
        catch (JsonException exception)
        {
            throw new McpException($"Invalid arguments: {exception.Message}");
        }
    };
}

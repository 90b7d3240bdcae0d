using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;

namespace Docsfy.Cli.Connection;

/// <summary>
/// Turns what the network throws into one line a person understands (exit code 6). Only the server's address goes into
/// the message: never a URL with a query, which could hold a key.
/// </summary>
public static class NetworkFailures
{
    public static CliFailure From(Exception exception, Uri server, TimeSpan timeout)
    {
        var where = server.GetLeftPart(UriPartial.Authority);
        if (Find<AuthenticationException>(exception) is { } tls)
        {
            return new CliFailure(ExitCodes.Unreachable, $"TLS problem with {where}: {tls.Message}");
        }
        if (exception is OperationCanceledException or TimeoutException)
        {
            return new CliFailure(ExitCodes.Unreachable, $"The server at {where} did not answer within {timeout.TotalSeconds:0} s.");
        }
        if (exception is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError })
        {
            return new CliFailure(ExitCodes.Unreachable, $"Cannot reach the server at {where}: the host name does not resolve.");
        }
        var reason = Find<SocketException>(exception)?.Message ?? exception.Message;
        return new CliFailure(ExitCodes.Unreachable, $"Cannot reach the server at {where}: {reason}");
    }

    private static T? Find<T>(Exception? exception) where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is T found)
            {
                return found;
            }
        }
        return null;
    }
}

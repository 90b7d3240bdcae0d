using System.Net;

namespace Docsfy.Cli.Connection;

/// <summary>Which exit code an HTTP error status of the API becomes.</summary>
public static class HttpStatusExitCodes
{
    public static int For(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests => ExitCodes.Auth,
        HttpStatusCode.NotFound => ExitCodes.NotFound,
        HttpStatusCode.Conflict => ExitCodes.Conflict,
        // The server or its proxy is there but cannot serve: as good as unreachable for a script deciding to retry.
        HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => ExitCodes.Unreachable,
        // Everything else the API refuses (400, 413, 414, 415, 422, 431) is about what was asked: a usage error.
        >= HttpStatusCode.BadRequest and < HttpStatusCode.InternalServerError => ExitCodes.Usage,
        _ => ExitCodes.RunFailed,
    };
}

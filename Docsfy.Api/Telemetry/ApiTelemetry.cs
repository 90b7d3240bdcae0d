using System.Diagnostics;

namespace Docsfy.Api.Telemetry;

/// <summary>The API's own activity source, <c>Docsfy.Api</c> (ASP.NET Core, MassTransit and Npgsql bring their own).</summary>
public static class ApiTelemetry
{
    public static readonly ActivitySource Source = new(TelemetrySources.Api);
}

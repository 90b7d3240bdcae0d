using System.Net;
using System.Net.Sockets;

namespace Docsfy.AppHost.Infrastructure;

/// <summary>A loopback port that is free right now, for ports DCP does not manage (RabbitMQ's Erlang distribution).</summary>
internal static class FreeTcpPort
{
    /// <summary>Asks the kernel for an unused port; it is released at once and taken by the server moments later.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

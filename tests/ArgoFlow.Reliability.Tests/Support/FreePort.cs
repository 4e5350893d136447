using System.Net;
using System.Net.Sockets;

namespace ArgoFlow.Reliability.Tests.Support;

/// <summary>A loopback port nobody listens on right now, for a child process that must come back on the same port.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

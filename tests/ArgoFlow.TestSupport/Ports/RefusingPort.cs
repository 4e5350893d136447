using System.Net;
using System.Net.Sockets;

namespace ArgoFlow.TestSupport.Ports;

/// <summary>
/// A loopback port that refuses connections for as long as this object lives: a socket bound to 127.0.0.1:0 that
/// never listens. Linux answers a connect to it with a reset (connection refused), and because the port stays
/// bound the kernel never hands it to another socket that binds port 0 (every test server does) - unlike a port
/// picked by binding and releasing a listener, which a parallel test may be given at once.
/// </summary>
public sealed class RefusingPort : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public RefusingPort()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
    }

    public int Port { get; }

    /// <summary>127.0.0.1:PORT</summary>
    public string Target => $"127.0.0.1:{Port}";

    public void Dispose() => _socket.Dispose();
}

using System.Net;
using System.Net.Sockets;

namespace ArgoFlow.Cli.Tests.Contract;

/// <summary>
/// A server on 127.0.0.1:0 that accepts every TCP connection and never sends a byte: the API server that hangs
/// (a stuck load balancer, a paused process). Requests to it must end with the client's own timeout.
/// </summary>
internal sealed class SilentServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> held = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;

    public SilentServer()
    {
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>A kubeconfig whose only context points at this server.</summary>
    public string WriteKubeconfig(string folder)
    {
        var path = Path.Combine(folder, "silent-kubeconfig");
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters: [{"{"}name: silent, cluster: {"{"}server: "http://127.0.0.1:{Port}"{"}"}{"}"}]
            users: [{"{"}name: u, user: {"{"}token: t{"}"}{"}"}]
            contexts: [{"{"}name: silent, context: {"{"}cluster: silent, user: u, namespace: argo{"}"}{"}"}]
            current-context: silent
            """);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping the listener ends the accept loop this way.
        }

        lock (held)
        {
            held.ForEach(c => c.Dispose());
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stop.Token);
            lock (held)
            {
                held.Add(client);
            }
        }
    }
}

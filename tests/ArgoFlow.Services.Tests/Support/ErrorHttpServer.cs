using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ArgoFlow.Services.Tests.Support;

/// <summary>
/// An HTTP/1.1 server on 127.0.0.1:0 that answers every request with one status and no body, the way a failing S3
/// (or a proxy in front of it) answers HEAD 500/502/503. Counts the requests it answered (or was about to).
/// </summary>
internal sealed class ErrorHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly int _status;
    private int _answered;

    public ErrorHttpServer(int status)
    {
        _status = status;
        _listener.Start();
        _loop = Task.Run(() => AcceptAsync(_stop.Token));
    }

    public string Endpoint => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public int Answered => Volatile.Read(ref _answered);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(client, cancellationToken), cancellationToken);
        }
    }

    private async Task AnswerAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using (client)
        {
            var stream = client.GetStream();
            var buffer = new byte[64 * 1024];
            var seen = new StringBuilder();
            try
            {
                // The request head ends with an empty line; a PUT's body is not waited for (the answer comes first).
                while (!seen.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await stream.ReadAsync(buffer, cancellationToken);
                    if (read == 0)
                    {
                        return;
                    }

                    seen.Append(Encoding.Latin1.GetString(buffer, 0, read));
                }

                // Counted before the answer goes out: the client can read it, fail and have the test look at the count
                // before this thread would get past the write.
                Interlocked.Increment(ref _answered);
                var reply = $"HTTP/1.1 {_status} Server Error\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(reply), cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
            {
                // The client hung up: nothing to answer.
            }
        }
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ArgoFlow.Cluster.Kube;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Cluster.Tests.Kube;

/// <summary>Every request and every watch ends on its own bound, whatever the server does (or does not do).</summary>
public sealed class KubeApiTimeoutTests : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> held = [];

    public KubeApiTimeoutTests() => listener.Start();

    [Fact]
    public async Task A_server_that_accepts_and_never_answers_times_out_with_exit_4()
    {
        _ = HoldAsync(answerHeaders: false);
        using var connection = Connect(new KubeConnectionOptions { RequestTimeout = TimeSpan.FromMilliseconds(500) });
        var clock = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<ArgoFlowException>(() => new KubeApiClient(connection).GetAsync("/api/v1/namespaces/argo/pods", CancellationToken.None));

        Assert.Equal(ExitCode.Unavailable, ex.ExitCode);
        Assert.Contains("did not answer GET /api/v1/namespaces/argo/pods within 0.5s", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--request-timeout", ex.Hint, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_watch_that_goes_silent_is_interrupted_so_it_can_resume()
    {
        var request = HoldAsync(answerHeaders: true);
        using var connection = Connect(new KubeConnectionOptions { WatchIdleTimeout = TimeSpan.FromMilliseconds(500) });

        await Assert.ThrowsAsync<WatchInterruptedException>(async () =>
        {
            await foreach (var _ in new KubeApiClient(connection).WatchAsync("/apis/argoproj.io/v1alpha1/namespaces/argo/workflows", null, "7", CancellationToken.None))
            {
                Assert.Fail("the silent server sent no event");
            }
        });
        Assert.Contains("timeoutSeconds=", await request, StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync()
    {
        listener.Stop();
        held.ForEach(c => c.Dispose());
        return ValueTask.CompletedTask;
    }

    private KubeConnection Connect(KubeConnectionOptions timeouts) =>
        new(new k8s.KubernetesClientConfiguration { Host = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}", AccessToken = "t" }, null, timeouts);

    /// <summary>Accepts one connection, reads the request line, optionally answers 200 with a chunked body, then says nothing.</summary>
    private async Task<string> HoldAsync(bool answerHeaders)
    {
        var client = await listener.AcceptTcpClientAsync();
        held.Add(client);
        var stream = client.GetStream();
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer);
        var requestLine = Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n")[0];
        if (answerHeaders)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"));
            await stream.FlushAsync();
        }

        return requestLine;
    }
}

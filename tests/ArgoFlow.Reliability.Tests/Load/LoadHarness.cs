using System.Collections.Concurrent;
using System.Globalization;
using ArgoFlow.Contracts.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace ArgoFlow.Reliability.Tests.Load;

/// <summary>
/// Drives one `argoflow serve` with N concurrent resize calls, each writing its own output key, without retries
/// (so every shed call is counted). Stops after a number of calls, when told to, or (per caller) at the first UNAVAILABLE: the server is going away.
/// </summary>
internal sealed class LoadHarness(GrpcChannel channel, int concurrency)
{
    private readonly ConcurrentDictionary<StatusCode, int> _statuses = new();
    private readonly ConcurrentBag<string> _written = [];
    private int _issued;

    /// <summary>Calls by final status.</summary>
    public IReadOnlyDictionary<StatusCode, int> Statuses => _statuses;

    /// <summary>Output URIs the server reported written (status OK).</summary>
    public IReadOnlyCollection<string> Written => _written;

    public int Succeeded => _statuses.GetValueOrDefault(StatusCode.OK);

    public async Task RunAsync(int maxCalls, CancellationToken stop)
    {
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(() => WorkAsync(maxCalls, stop))).ToArray();
        await Task.WhenAll(workers);
    }

    private async Task WorkAsync(int maxCalls, CancellationToken stop)
    {
        var client = new ResizeService.ResizeServiceClient(channel);
        while (!stop.IsCancellationRequested)
        {
            var n = Interlocked.Increment(ref _issued);
            if (n > maxCalls)
            {
                return;
            }

            var request = new ResizeRequest
            {
                Input = $"in/{n % 5}.jpg",
                Output = string.Create(CultureInfo.InvariantCulture, $"load/{n}.jpg"),
                Width = 160 + (n % 7 * 16),
            };
            StatusCode status;
            try
            {
                var response = await client.ResizeAsync(request, deadline: DateTime.UtcNow.AddSeconds(60), cancellationToken: CancellationToken.None);
                _written.Add(response.Output);
                status = StatusCode.OK;
            }
            catch (RpcException ex)
            {
                status = ex.StatusCode;
            }

            _statuses.AddOrUpdate(status, 1, (_, c) => c + 1);
            // UNAVAILABLE only comes from a server that is shutting down or gone: this caller is done.
            if (status == StatusCode.Unavailable)
            {
                return;
            }
        }
    }

    public string Describe() =>
        string.Join(", ", _statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}={s.Value}"));
}

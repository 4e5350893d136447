using System.Collections.Concurrent;
using Grpc.Core;

namespace ArgoFlow.Steps.Tests.Doubles;

/// <summary>What the service doubles do besides answering: fail the next calls with given statuses, block, count calls.</summary>
public sealed class FaultPlan
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<StatusCode>> failures = new();
    private readonly ConcurrentDictionary<string, int> calls = new();

    /// <summary>Completed by a test to release calls of a step type that were told to wait.</summary>
    public ConcurrentDictionary<string, TaskCompletionSource> Gates { get; } = new();

    /// <summary>Called (with the step type) as each call arrives, before it answers.</summary>
    public Action<string>? Arrived { get; set; }

    public void FailNext(string type, params StatusCode[] statuses)
    {
        var queue = failures.GetOrAdd(type, _ => new ConcurrentQueue<StatusCode>());
        foreach (var status in statuses)
        {
            queue.Enqueue(status);
        }
    }

    public void FailAlways(string type, StatusCode status) => FailNext(type, Enumerable.Repeat(status, 1000).ToArray());

    public int Calls(string type) => calls.GetValueOrDefault(type);

    public async Task EnterAsync(string type, ServerCallContext context)
    {
        calls.AddOrUpdate(type, 1, (_, n) => n + 1);
        Arrived?.Invoke(type);
        if (Gates.TryGetValue(type, out var gate))
        {
            await gate.Task.WaitAsync(context.CancellationToken);
        }

        if (failures.TryGetValue(type, out var queue) && queue.TryDequeue(out var status))
        {
            throw new RpcException(new Status(status, $"{type} double told to fail with {status}"));
        }
    }
}

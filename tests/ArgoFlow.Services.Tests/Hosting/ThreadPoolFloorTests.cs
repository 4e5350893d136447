using ArgoFlow.Services.Hosting;

namespace ArgoFlow.Services.Tests.Hosting;

/// <summary>The warm host's thread pool floor: enough workers for every admitted call to block one per core, never lowered.</summary>
public sealed class ThreadPoolFloorTests
{
    [Fact]
    public void The_floor_covers_every_admitted_call_blocking_a_thread_per_core_and_is_never_lowered()
    {
        ThreadPoolFloor.Raise(maxConcurrency: 2, services: 3);
        ThreadPool.GetMinThreads(out var raised, out _);
        Assert.True(raised >= Math.Min(256, (2 * 3 * Environment.ProcessorCount) + 8), $"minimum workers {raised}");

        ThreadPoolFloor.Raise(maxConcurrency: 1, services: 1);
        ThreadPool.GetMinThreads(out var after, out _);
        Assert.True(after >= raised, $"lowered from {raised} to {after}");
    }
}

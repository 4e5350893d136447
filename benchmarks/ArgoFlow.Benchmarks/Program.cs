using ArgoFlow.Benchmarks.Agent;
using ArgoFlow.Services.Imaging;
using BenchmarkDotNet.Running;

namespace ArgoFlow.Benchmarks;

internal static class Program
{
    public static async Task Main(string[] args)
    {
        if (args is ["agent", .. var rest])
        {
            // Not a BenchmarkDotNet run: end-to-end latencies of the external agent (docs/benchmarks.md).
            await AgentBench.RunAsync(rest).ConfigureAwait(false);
            return;
        }

        // As argoflow does, in every process BenchmarkDotNet starts: before OpenCV loads.
        OpenCvThreads.SleepWhenIdle();
        NativeHeap.KeepImageBuffers();
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}

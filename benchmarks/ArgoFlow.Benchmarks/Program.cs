using ArgoFlow.Services.Imaging;
using BenchmarkDotNet.Running;

namespace ArgoFlow.Benchmarks;

internal static class Program
{
    public static void Main(string[] args)
    {
        // As argoflow does, in every process BenchmarkDotNet starts: before OpenCV loads.
        OpenCvThreads.SleepWhenIdle();
        NativeHeap.KeepImageBuffers();
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}

using System.Runtime.InteropServices;
using ArgoFlow.Services.Imaging;

namespace ArgoFlow.Services.Tests.Imaging;

/// <summary>setenv must not race other threads' getenv: this runs alone, after the parallel tests.</summary>
[CollectionDefinition(nameof(OpenCvThreadsTests), DisableParallelization = true)]
public sealed class ProcessEnvironmentTests;

[Collection(nameof(OpenCvThreadsTests))]
public sealed partial class OpenCvThreadsTests
{
    [SkippableFact]
    public void The_pool_settings_reach_the_native_environment_as_zero()
    {
        var chosen = OpenCvThreads.ActiveWaitVariables.Where(name => Environment.GetEnvironmentVariable(name) is not null).ToList();
        Skip.If(chosen.Count > 0, $"the environment already sets {string.Join(", ", chosen)}, a value the operator chose that must win");

        OpenCvThreads.SleepWhenIdle();

        // What OpenCV's own getenv reads when its library loads: 0 turns the spinning off.
        Assert.All(OpenCvThreads.ActiveWaitVariables, name => Assert.Equal("0", Marshal.PtrToStringUTF8(GetEnv(name))));
    }

    [LibraryImport("libc", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr GetEnv(string name);
}

[Collection(nameof(OpenCvThreadsTests))]
public sealed class NativeHeapTests
{
    private static readonly string[] TuningVariables = ["GLIBC_TUNABLES", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_"];

    [SkippableFact]
    public void Glibc_accepts_the_heap_settings()
    {
        var tuned = TuningVariables.Where(name => Environment.GetEnvironmentVariable(name) is not null).ToList();
        Skip.If(tuned.Count > 0, $"the environment tunes malloc ({string.Join(", ", tuned)}); the operator's settings win");

        // Linux with glibc (every machine the services and CI run on): mallopt takes both values.
        Assert.True(NativeHeap.KeepImageBuffers());
    }

    [Theory]
    [InlineData("GLIBC_TUNABLES")]
    [InlineData("MALLOC_MMAP_THRESHOLD_")]
    [InlineData("MALLOC_TRIM_THRESHOLD_")]
    public void An_operator_tuned_malloc_is_left_alone(string variable)
    {
        // .NET keeps its own copy of the environment on Linux: this changes what the check reads, not libc's.
        var before = Environment.GetEnvironmentVariable(variable);
        Environment.SetEnvironmentVariable(variable, "65536");
        try
        {
            Assert.False(NativeHeap.KeepImageBuffers());
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, before);
        }
    }
}

using System.Runtime.InteropServices;
using ArgoFlow.Services.Imaging;

namespace ArgoFlow.Services.Tests.Imaging;

/// <summary>setenv must not race other threads' getenv: this runs alone, after the parallel tests.</summary>
[CollectionDefinition(nameof(OpenCvThreadsTests), DisableParallelization = true)]
public sealed class ProcessEnvironmentTests;

[Collection(nameof(OpenCvThreadsTests))]
public sealed partial class OpenCvThreadsTests
{
    [Fact]
    public void The_pool_settings_reach_the_native_environment_without_overriding_a_chosen_value()
    {
        OpenCvThreads.SleepWhenIdle();

        foreach (var name in OpenCvThreads.ActiveWaitVariables)
        {
            // What OpenCV's getenv sees: 0, or what the environment already said before the call.
            Assert.Equal(Environment.GetEnvironmentVariable(name) ?? "0", Marshal.PtrToStringUTF8(GetEnv(name)));
        }
    }

    [LibraryImport("libc", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr GetEnv(string name);
}

public sealed class NativeHeapTests
{
    [Fact]
    public void Glibc_accepts_the_heap_settings_unless_the_operator_tuned_malloc()
    {
        var tuned = new[] { "GLIBC_TUNABLES", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_" }
            .Any(name => Environment.GetEnvironmentVariable(name) is not null);

        Assert.Equal(OperatingSystem.IsLinux() && !tuned, NativeHeap.KeepImageBuffers());
    }
}

using System.Runtime.InteropServices;

namespace ArgoFlow.Services.Imaging;

/// <summary>
/// OpenCV's thread pool (pthreads backend) keeps its workers and the calling thread spinning for a while after
/// every parallel loop (a resize, a blur), waiting for the next one. In a service that runs several calls at once
/// on two cores, that spinning takes the core another call (or ONNX Runtime) needs: on the reference pipeline at
/// concurrency 4 it cost about a tenth of the CPU. <see cref="SleepWhenIdle"/> makes them sleep at once instead.
/// </summary>
public static partial class OpenCvThreads
{
    /// <summary>The environment variables OpenCV's pool reads once, when its native library loads.</summary>
    public static IReadOnlyList<string> ActiveWaitVariables { get; } =
        ["OPENCV_THREAD_POOL_ACTIVE_WAIT_WORKER", "OPENCV_THREAD_POOL_ACTIVE_WAIT_MAIN"];

    /// <summary>
    /// Sets the active-wait variables to 0 in the native environment, unless they are already set (a value the
    /// operator chose wins). Call it first thing in the process: it has no effect once OpenCV is loaded, and the
    /// C library's environment must not change while other threads read it.
    /// </summary>
    public static void SleepWhenIdle()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        foreach (var name in ActiveWaitVariables)
        {
            if (Environment.GetEnvironmentVariable(name) is null && SetEnv(name, "0", 0) != 0)
            {
                throw new InvalidOperationException($"setenv({name}) failed: errno {Marshal.GetLastPInvokeError()}");
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int SetEnv(string name, string value, int overwrite);
}

using System.Runtime.InteropServices;

namespace ArgoFlow.Services.Imaging;

/// <summary>
/// OpenCV allocates every decoded image and every result with the C library's malloc. glibc serves a block of
/// more than its mmap threshold (128 KiB to 32 MiB, adjusted as it goes) with a fresh mapping and gives it back on
/// free, so each call's 6 MB full-HD buffers are faulted in page by page again - about a fifth of a decode and
/// half of a blur on the 2-core machine. <see cref="KeepImageBuffers"/> keeps such blocks in the heap for reuse.
/// </summary>
public static partial class NativeHeap
{
    /// <summary>glibc's mallopt parameters.</summary>
    private const int TrimThreshold = -1;
    private const int MmapThreshold = -3;

    /// <summary>The largest mmap threshold glibc accepts on 64-bit: blocks up to 32 MiB come from the heap.</summary>
    private const int LargestMmapThreshold = 32 * 1024 * 1024;

    /// <summary>Free memory at the top of the heap beyond this goes back to the system.</summary>
    private const int KeptFreeBytes = 256 * 1024 * 1024;

    /// <summary>
    /// Serves blocks up to 32 MiB from the heap and keeps up to 256 MiB of freed memory for reuse. Linux with
    /// glibc only (elsewhere, or when the operator tuned malloc through MALLOC_*_ or GLIBC_TUNABLES, it does
    /// nothing). Call it first thing in the process. Returns whether the settings were applied.
    /// </summary>
    public static bool KeepImageBuffers()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("GLIBC_TUNABLES") is not null ||
            Environment.GetEnvironmentVariable("MALLOC_MMAP_THRESHOLD_") is not null ||
            Environment.GetEnvironmentVariable("MALLOC_TRIM_THRESHOLD_") is not null)
        {
            return false;
        }

        try
        {
            // mallopt returns 1 on success, 0 on a rejected value.
            return MallOpt(MmapThreshold, LargestMmapThreshold) == 1 && MallOpt(TrimThreshold, KeptFreeBytes) == 1;
        }
        catch (EntryPointNotFoundException)
        {
            return false; // a C library without mallopt (not glibc)
        }
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int MallOpt(int parameter, int value);
}

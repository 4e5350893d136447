using System.Runtime.InteropServices;
using ArgoFlow.Services.Imaging;

namespace ArgoFlow.Services.Tests.Imaging;

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

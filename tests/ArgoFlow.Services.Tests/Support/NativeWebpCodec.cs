using ArgoFlow.Services.Imaging;

namespace ArgoFlow.Services.Tests.Support;

/// <summary>
/// The cancellable WebP tests need libargoflow_webp.so. Without it they are reported as skipped with the codec's
/// own status, never as passed; .ci/run fails on that skip (.ci/allowed-skips does not list them).
/// </summary>
internal static class NativeWebpCodec
{
    public static void RequireOrSkip() =>
        Skip.IfNot(NativeWebp.Available, $"the native WebP codec is not loaded: {NativeWebp.Status}");
}

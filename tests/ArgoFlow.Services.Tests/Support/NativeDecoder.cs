using ArgoFlow.Services.Imaging;

namespace ArgoFlow.Services.Tests.Support;

/// <summary>
/// The streamed JPEG tests need libargoflow_jpeg.so. Without it they are reported as skipped with the decoder's
/// own status, never as passed; .ci/run fails on that skip (.ci/allowed-skips does not list them).
/// </summary>
internal static class NativeDecoder
{
    public static void RequireOrSkip() =>
        Skip.IfNot(NativeJpeg.Available, $"the native JPEG decoder is not loaded: {NativeJpeg.Status}");
}

using System.Runtime.InteropServices;
using System.Text;

namespace ArgoFlow.Services.Imaging;

/// <summary>
/// libargoflow_webp (Native/argoflow_webp.c): libwebp's encoder with a progress hook that stops it, and its
/// incremental decoder, for the WebP encode and decode a cancelled call can stop (<see cref="CancellableWebp"/>).
/// The library is built with the services when gcc and libwebp's headers are present; when it is missing
/// <see cref="Available"/> is false and WebP goes through OpenCV, which runs to its end.
/// </summary>
internal static unsafe partial class NativeWebp
{
    /// <summary>VP8StatusCode: the image is complete.</summary>
    public const int StatusOk = 0;

    /// <summary>VP8StatusCode: the incremental decoder needs more data.</summary>
    public const int StatusSuspended = 5;

    private const string Library = "argoflow_webp";
    private const string WebpLibrary = "libargoflow_libwebp.so";
    private const int ExpectedVersion = 2;
    private static readonly Lazy<(bool Available, string Reason)> State = new(Probe);

    /// <summary>Whether the cancellable WebP codec can be used in this process.</summary>
    public static bool Available => State.Value.Available;

    /// <summary>Why it can or cannot (for logs and skipped tests).</summary>
    public static string Status => State.Value.Reason;

    /// <summary>
    /// Encodes 3 (BGR) or 4 (BGRA) channel pixels, lossy at <paramref name="quality"/> or lossless; a lossy encode
    /// converts to YUV in bands of <paramref name="bandRows"/> rows (0: in one call), looking at the flag between
    /// them (the conversion reports no progress). Null with
    /// <paramref name="error"/> null when <paramref name="cancel"/> was set meanwhile; null with libwebp's error
    /// name (VP8_ENC_ERROR_...) when it failed.
    /// </summary>
    public static byte[]? Encode(byte* pixels, int width, int height, int stride, int channels, float quality, bool lossless,
        int bandRows, int* cancel, out string? error)
    {
        var message = stackalloc byte[256];
        byte* output;
        nuint size;
        var code = afw_encode(pixels, width, height, stride, channels, quality, lossless ? 1 : 0, bandRows, cancel, &output, &size, message, 256);
        error = code < 0 ? Text(message) : null;
        if (code != 0)
        {
            return null;
        }

        try
        {
            // A WebP file is at most 4 GB (RIFF); the input limits keep it far below the 2 GB of an array.
            return new ReadOnlySpan<byte>(output, checked((int)size)).ToArray();
        }
        finally
        {
            afw_free(output);
        }
    }

    /// <summary>The bitstream's size and kind from its first bytes; a VP8StatusCode (<see cref="StatusOk"/> when read).</summary>
    public static int Features(byte* data, int length, out int width, out int height, out bool animated)
    {
        int w = 0, h = 0, alpha = 0, animation = 0;
        var status = afw_features(data, (nuint)length, &w, &h, &alpha, &animation);
        (width, height, animated) = (w, h, animation != 0);
        return status;
    }

    /// <summary>libwebp's name of a VP8StatusCode, e.g. VP8_STATUS_BITSTREAM_ERROR.</summary>
    public static string StatusName(int status) => Text(afw_status_name(status));

    private static string Text(byte* message) => Encoding.UTF8.GetString(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(message)).Trim();

    private static (bool, string) Probe()
    {
        if (!NativeLibrary.TryLoad(Library, typeof(NativeWebp).Assembly, DllImportSearchPath.AssemblyDirectory, out _))
        {
            return (false, "off (libargoflow_webp.so was not built: no gcc or libwebp headers at build time)");
        }

        try
        {
            var version = afw_version();
            if (version != ExpectedVersion)
            {
                return (false, $"off (libargoflow_webp.so is version {version}, this build needs {ExpectedVersion})");
            }

            // The libwebp the shim was compiled against, copied beside it by the build (see argoflow_webp.c).
            var path = Path.Combine(Path.GetDirectoryName(typeof(NativeWebp).Assembly.Location) is { Length: > 0 } dir ? dir : AppContext.BaseDirectory, WebpLibrary);
            if (!File.Exists(path))
            {
                return (false, $"off ({WebpLibrary} is missing beside the services)");
            }

            var message = stackalloc byte[256];
            return afw_load(path, message, 256) == 0
                ? (true, $"on (libargoflow_webp with {WebpLibrary})")
                : (false, $"off ({WebpLibrary} could not be loaded: {Text(message)})");
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return (false, $"off ({ex.Message})");
        }
    }

    /// <summary>One incremental decode into a caller's BGR buffer; not thread-safe.</summary>
    public sealed class Decoder : IDisposable
    {
        private nint _handle;

        private Decoder(nint handle) => _handle = handle;

        /// <summary>
        /// A decoder writing BGR rows <paramref name="stride"/> bytes apart into <paramref name="destination"/>
        /// (<paramref name="size"/> bytes, valid until disposed), or null when libwebp refuses the buffer.
        /// </summary>
        public static Decoder? Create(byte* destination, long size, int stride)
        {
            var handle = afw_decoder_new(destination, (nuint)size, stride);
            return handle == 0 ? null : new Decoder(handle);
        }

        /// <summary>
        /// Decodes as far as the first <paramref name="length"/> bytes of <paramref name="data"/> allow; the data
        /// must stay pinned at the same address, growing from call to call. Returns a VP8StatusCode.
        /// </summary>
        public int Update(byte* data, int length)
        {
            ObjectDisposedException.ThrowIf(_handle == 0, this);
            return afw_decoder_update(_handle, data, (nuint)length);
        }

        public void Dispose()
        {
            if (_handle != 0)
            {
                afw_decoder_delete(_handle);
                _handle = 0;
            }
        }
    }

    [LibraryImport(Library)]
    private static partial int afw_version();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int afw_load(string path, byte* message, int messageSize);

    [LibraryImport(Library)]
    private static partial int afw_encode(byte* pixels, int width, int height, int stride, int channels, float quality, int lossless,
        int bandRows, int* cancel, byte** output, nuint* size, byte* message, int messageSize);

    [LibraryImport(Library)]
    private static partial void afw_free(byte* data);

    [LibraryImport(Library)]
    private static partial byte* afw_status_name(int status);

    [LibraryImport(Library)]
    private static partial int afw_features(byte* data, nuint size, int* width, int* height, int* hasAlpha, int* hasAnimation);

    [LibraryImport(Library)]
    private static partial nint afw_decoder_new(byte* destination, nuint size, int stride);

    [LibraryImport(Library)]
    private static partial int afw_decoder_update(nint decoder, byte* data, nuint size);

    [LibraryImport(Library)]
    private static partial void afw_decoder_delete(nint decoder);
}

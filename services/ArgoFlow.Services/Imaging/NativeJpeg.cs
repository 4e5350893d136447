using System.Runtime.InteropServices;
using System.Text;

namespace ArgoFlow.Services.Imaging;

/// <summary>
/// libargoflow_jpeg (Native/argoflow_jpeg.c): libjpeg-turbo's decoder, row by row, for the streamed paths (<see cref="RowStream"/>).
/// The library is built with the services when gcc and libjpeg's headers are present; when it is missing, or
/// ARGOFLOW_STREAMED_JPEG=0, <see cref="Available"/> is false and every image is decoded by OpenCV.
/// </summary>
internal static unsafe partial class NativeJpeg
{
    private const string Library = "argoflow_jpeg";
    private const string JpegLibrary = "libargoflow_libjpeg.so";
    private const int ExpectedVersion = 5;
    private static readonly Lazy<(bool Available, string Reason)> State = new(Probe);

    /// <summary>Whether the streamed decoder can be used in this process.</summary>
    public static bool Available => State.Value.Available;

    /// <summary>Why it can or cannot (for the start-up log and `argoflow serve --help` readers).</summary>
    public static string Status => State.Value.Reason;

    /// <summary>
    /// Opens a decoder over <paramref name="data"/>, which must stay pinned until the decoder is closed, decoding at
    /// 1/<paramref name="reduction"/> of the full size (1, 2, 4 or 8); width and height are the decoded size. Rows are
    /// BGR; a CMYK or YCCK JPEG is <see cref="OpenResult.NotSupported"/>.
    /// </summary>
    public static OpenResult Open(byte* data, int length, int reduction, out Decoder? decoder, out int width, out int height, out string? error) =>
        Open(data, length, reduction, false, out decoder, out width, out height, out _, out error);

    /// <summary>
    /// As above; with <paramref name="cmyk"/> a CMYK or YCCK JPEG opens too, its rows CMYK (4 bytes a pixel, as
    /// libjpeg gives them to OpenCV). <paramref name="channels"/> is 3 or 4.
    /// </summary>
    public static OpenResult Open(byte* data, int length, int reduction, bool cmyk, out Decoder? decoder, out int width, out int height,
        out int channels, out string? error)
    {
        var message = stackalloc byte[256];
        nint handle;
        int w, h, c = 0;
        var code = afj_open(data, (nuint)length, reduction, cmyk ? 1 : 0, &handle, &w, &h, &c, message, 256);
        (width, height, channels) = (w, h, c);
        decoder = code == 0 ? new Decoder(handle) : null;
        error = code < 0 ? Text(message) : null;
        return code switch
        {
            0 => OpenResult.Opened,
            1 => OpenResult.NotSupported,
            _ => OpenResult.Failed,
        };
    }

    private static string Text(byte* message) => Encoding.UTF8.GetString(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(message)).Trim();

    private static (bool, string) Probe()
    {
        if (Environment.GetEnvironmentVariable("ARGOFLOW_STREAMED_JPEG") is "0" or "false")
        {
            return (false, "off (ARGOFLOW_STREAMED_JPEG=0)");
        }

        if (!NativeLibrary.TryLoad(Library, typeof(NativeJpeg).Assembly, DllImportSearchPath.AssemblyDirectory, out _))
        {
            return (false, "off (libargoflow_jpeg.so was not built: no gcc or libjpeg headers at build time)");
        }

        try
        {
            var version = afj_version();
            if (version != ExpectedVersion)
            {
                return (false, $"off (libargoflow_jpeg.so is version {version}, this build needs {ExpectedVersion})");
            }

            // The libjpeg the shim was compiled against, copied beside it by the build (see argoflow_jpeg.c).
            var path = Path.Combine(Path.GetDirectoryName(typeof(NativeJpeg).Assembly.Location) is { Length: > 0 } dir ? dir : AppContext.BaseDirectory, JpegLibrary);
            if (!File.Exists(path))
            {
                return (false, $"off ({JpegLibrary} is missing beside the services)");
            }

            var message = stackalloc byte[256];
            return afj_load(path, message, 256) == 0
                ? (true, $"on (libargoflow_jpeg with {JpegLibrary}, libjpeg-turbo)")
                : (false, $"off ({JpegLibrary} could not be loaded: {Text(message)})");
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return (false, $"off ({ex.Message})");
        }
    }

    public enum OpenResult
    {
        Opened,
        NotSupported,
        Failed,
    }

    /// <summary>One image being decoded; not thread-safe (one thread reads rows).</summary>
    public sealed class Decoder : IDisposable
    {
        private nint _handle;

        internal Decoder(nint handle) => _handle = handle;

        /// <summary>Decodes up to <paramref name="rows"/> rows to <paramref name="destination"/>; returns how many (0 at the end).</summary>
        public int Read(byte* destination, long stride, int rows)
        {
            ObjectDisposedException.ThrowIf(_handle == 0, this);
            return afj_read(_handle, destination, (nint)stride, rows);
        }

        /// <summary>The error after a failed <see cref="Read"/>, or the first warning.</summary>
        public string Message => Text(afj_message(_handle));

        public void Dispose()
        {
            if (_handle != 0)
            {
                afj_close(_handle);
                _handle = 0;
            }
        }
    }

    [LibraryImport(Library)]
    private static partial int afj_version();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int afj_load(string path, byte* message, int messageSize);

    [LibraryImport(Library)]
    private static partial int afj_open(byte* data, nuint size, int reduction, int cmyk, nint* decoder, int* width, int* height, int* channels,
        byte* message, int messageSize);

    [LibraryImport(Library)]
    private static partial int afj_read(nint decoder, byte* destination, nint stride, int rows);

    [LibraryImport(Library)]
    private static partial byte* afj_message(nint decoder);

    [LibraryImport(Library)]
    private static partial void afj_close(nint decoder);
}

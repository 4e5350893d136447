using System.IO.Compression;
using ArgoFlow.Services.Errors;
using OpenCvSharp;

namespace ArgoFlow.Services.Imaging;

/// <summary>
/// A PNG decode that a caller who gave up can stop: the image data is inflated (<see cref="ZLibStream"/>),
/// unfiltered and converted in bands of about 1 MB of rows, and the call's token is checked before each band and
/// each interlace pass. OpenCV's imdecode is one native call; a 50-megapixel PNG kept a core busy for seconds after
/// its caller left. The pixels are those of OpenCV's <c>imdecode(IMREAD_COLOR)</c>, byte for byte (PngDecoderTests).
/// </summary>
internal static unsafe class PngDecoder
{
    /// <summary>About this many inflated bytes between two looks at the token (1-3 ms of work).</summary>
    private const int BandBytes = 1 << 20;

    /// <summary>Adam7's passes: first column, first row, column step, row step.</summary>
    private static readonly (int X, int Y, int Dx, int Dy)[] Passes =
        [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];

    /// <summary>
    /// The PNG <paramref name="data"/> (already through <see cref="ImageCodec.CheckedHeader"/>) as an 8-bit BGR Mat
    /// the caller disposes, or null for the rare files left to OpenCV (<see cref="PngLayout.Read"/>). Data libpng
    /// refuses fails as undecodable; a cancelled token throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public static Mat? TryDecode(ReadOnlySpan<byte> data, string uri, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var layout = PngLayout.Read(data, uri);
        if (layout is null)
        {
            return null;
        }

        var mat = new Mat(layout.Height, layout.Width, MatType.CV_8UC3);
        try
        {
            fixed (byte* file = data)
            {
                using var zlib = new ZLibStream(new PngIdatStream(file, layout.Idat), CompressionMode.Decompress);
                var image = new Image(layout, zlib, mat, uri);
                if (layout.Interlaced)
                {
                    for (var pass = 0; pass < Passes.Length; pass++)
                    {
                        image.ReadPass(pass, Passes[pass], cancellationToken);
                    }
                }
                else
                {
                    image.ReadPass(-1, (0, 0, 1, 1), cancellationToken);
                }
            }

            return mat;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            // zlib's complaints (a bad block, a wrong Adler-32): InvalidDataException, or its own IOException for the rest.
            mat.Dispose();
            throw StepException.Undecodable(uri, $"the PNG image data is corrupt ({ex.Message})");
        }
        catch
        {
            mat.Dispose();
            throw;
        }
    }

    private readonly struct Image(PngLayout layout, Stream zlib, Mat mat, string uri)
    {
        /// <summary>Reads one Adam7 pass (or, as pass -1 with steps of 1, the whole image) into the Mat.</summary>
        public void ReadPass(int pass, (int X, int Y, int Dx, int Dy) grid, CancellationToken cancellationToken)
        {
            var width = (layout.Width - grid.X + grid.Dx - 1) / grid.Dx;
            var height = (layout.Height - grid.Y + grid.Dy - 1) / grid.Dy;
            if (width <= 0 || height <= 0)
            {
                return; // an empty pass has no bytes at all, not even filter bytes
            }

            var rowBytes = layout.RowBytes(width);
            var stride = rowBytes + 1;
            var bandRows = Math.Clamp(BandBytes / stride, 1, height);
            var band = new byte[bandRows * stride];
            var above = new byte[rowBytes]; // the row above a pass's first row is zeros
            var bgr = pass < 0 ? [] : new byte[width * 3];
            for (var top = 0; top < height; top += bandRows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var rows = Math.Min(bandRows, height - top);
                var got = zlib.ReadAtLeast(band.AsSpan(0, rows * stride), rows * stride, throwOnEndOfStream: false);
                if (got < rows * stride)
                {
                    throw StepException.Undecodable(uri, $"the PNG image data ends in row {top + (got / stride)} of {height}{PassName(pass)}");
                }

                for (var r = 0; r < rows; r++)
                {
                    var row = band.AsSpan((r * stride) + 1, rowBytes);
                    var filter = band[r * stride];
                    if (!PngUnfilter.Apply(filter, row, r == 0 ? above : band.AsSpan(((r - 1) * stride) + 1, rowBytes), layout.FilterStride))
                    {
                        throw StepException.Undecodable(uri, $"row {top + r}{PassName(pass)} has filter type {filter} (PNG defines 0 to 4)");
                    }
                }

                band.AsSpan(((rows - 1) * stride) + 1, rowBytes).CopyTo(above);
                if (pass < 0)
                {
                    WriteRows(band, stride, width, top, rows);
                }
                else
                {
                    Scatter(band, stride, width, top, rows, grid, bgr);
                }
            }
        }

        private void WriteRows(byte[] band, int stride, int width, int top, int rows)
        {
            var code = (layout.ColorType, layout.BitDepth) switch
            {
                (0, 8) => ColorConversionCodes.GRAY2BGR,
                (2, 8) => ColorConversionCodes.RGB2BGR,
                (6, 8) => ColorConversionCodes.RGBA2BGR,
                _ => (ColorConversionCodes?)null,
            };
            fixed (byte* rowsStart = band)
            {
                if (code is { } c)
                {
                    // OpenCV's vectorised conversion straight from the band (each row after its filter byte) into the Mat.
                    using var source = Mat.FromPixelData(rows, width, MatType.CV_8UC(layout.Channels), (IntPtr)(rowsStart + 1), stride);
                    using var destination = mat.RowRange(top, top + rows);
                    Cv2.CvtColor(source, destination, c);
                    return;
                }

                for (var r = 0; r < rows; r++)
                {
                    var destination = new Span<byte>((void*)mat.Ptr(top + r), width * 3);
                    PngPixels.ToBgr(layout, band.AsSpan((r * stride) + 1, stride - 1), width, destination);
                }
            }
        }

        private void Scatter(byte[] band, int stride, int width, int top, int rows, (int X, int Y, int Dx, int Dy) grid, byte[] bgr)
        {
            for (var r = 0; r < rows; r++)
            {
                PngPixels.ToBgr(layout, band.AsSpan((r * stride) + 1, stride - 1), width, bgr);
                var destination = (byte*)mat.Ptr(grid.Y + ((top + r) * grid.Dy)) + (3 * grid.X);
                for (var x = 0; x < width; x++, destination += 3 * grid.Dx)
                {
                    destination[0] = bgr[3 * x];
                    destination[1] = bgr[(3 * x) + 1];
                    destination[2] = bgr[(3 * x) + 2];
                }
            }
        }

        private static string PassName(int pass) => pass < 0 ? "" : $" of interlace pass {pass + 1}";
    }
}

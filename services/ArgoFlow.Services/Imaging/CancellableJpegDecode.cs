using ArgoFlow.Services.Errors;
using OpenCvSharp;

namespace ArgoFlow.Services.Imaging;

/// <summary>
/// A whole-image JPEG decode that a caller who gave up can stop: libargoflow_jpeg (<see cref="NativeJpeg"/>) decodes
/// into the Mat one MCU row (16 rows) at a time and the call's token is checked before every band. OpenCV's imdecode
/// cannot be interrupted; a 7000x5250 photo kept a core busy about 150 ms after its caller left. The pixels are
/// OpenCV's (the same libjpeg-turbo settings; CancellableJpegDecodeTests compare them byte for byte).
/// </summary>
internal static unsafe class CancellableJpegDecode
{
    /// <summary>Rows decoded between two looks at the token (one MCU row of a 4:2:0 JPEG, about 0.5 ms at 7000 wide).</summary>
    private const int BandRows = 16;

    /// <summary>
    /// Decodes the JPEG <paramref name="data"/> (already through <see cref="ImageCodec.CheckedHeader"/>) at
    /// 1/<paramref name="reduction"/> into a BGR Mat the caller disposes. Null when this path does not apply and
    /// nothing was done: the native decoder is not loaded, the image is not a JPEG, its EXIF orientation cannot be
    /// made out, or it is one libargoflow_jpeg leaves to OpenCV (12-bit). A CMYK or YCCK JPEG is decoded to CMYK rows and
    /// converted as OpenCV converts them (<see cref="CmykRows"/>). An EXIF orientation is applied after the
    /// decode as OpenCV's imdecode applies it (<see cref="Orient"/>). Data libjpeg refuses fails as
    /// undecodable, as OpenCV's decode does; a cancelled token throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public static Mat? TryDecode(ReadOnlySpan<byte> data, ImageHeader header, int reduction, string uri, CancellationToken cancellationToken)
    {
        // 0 is an orientation this reader cannot make out (a value outside 1-8, a damaged EXIF block); OpenCV's own EXIF
        // reader may still find one in it (it does in a block whose byte order mark is damaged), so OpenCV decodes it.
        var orientation = header.Format == "jpeg" ? ImageHeader.JpegOrientation(data) : 0;
        if (!NativeJpeg.Available || orientation is < 1 or > 8)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        fixed (byte* bytes = data)
        {
            var opened = NativeJpeg.Open(bytes, data.Length, reduction, cmyk: true, out var decoder, out var width, out var height, out var channels, out var error);
            if (opened == NativeJpeg.OpenResult.NotSupported)
            {
                return null;
            }

            if (opened == NativeJpeg.OpenResult.Failed || decoder is null)
            {
                throw StepException.Undecodable(uri, error ?? "the decoder could not start");
            }

            Mat upright;
            using (decoder)
            {
                upright = Read(decoder, width, height, channels, uri, cancellationToken);
            }

            return Orient(upright, orientation, cancellationToken);
        }
    }

    /// <summary>
    /// Reads the rows a band at a time straight into the BGR Mat, or, for CMYK rows (<paramref name="channels"/> 4),
    /// into a buffer each band is converted from.
    /// </summary>
    private static Mat Read(NativeJpeg.Decoder decoder, int width, int height, int channels, string uri, CancellationToken cancellationToken)
    {
        var mat = new Mat(height, width, MatType.CV_8UC3);
        var cmyk = channels == 4 ? new byte[(long)width * 4 * BandRows] : null;
        try
        {
            var destination = (byte*)mat.Data;
            var step = mat.Step();
            fixed (byte* staged = cmyk)
            {
                for (var row = 0; row < height;)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var got = cmyk is null
                        ? decoder.Read(destination + (row * step), step, Math.Min(BandRows, height - row))
                        : decoder.Read(staged, width * 4L, Math.Min(BandRows, height - row));
                    if (got <= 0)
                    {
                        throw StepException.Undecodable(uri, got < 0 ? decoder.Message : $"the image data ended at row {row} of {height}");
                    }

                    for (var i = 0; cmyk is not null && i < got; i++)
                    {
                        CmykRows.ToBgr(new ReadOnlySpan<byte>(staged + (i * width * 4L), width * 4), new Span<byte>(destination + ((row + i) * step), width * 3));
                    }

                    row += got;
                }
            }

            return mat;
        }
        catch
        {
            mat.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Turns the decoded rows the way EXIF orientation 2-8 says, with the flips and transposition OpenCV's imdecode
    /// uses (so the same pixels); each is a copy of about 50 ms on 49 Mpixels, with the token checked before it.
    /// Takes ownership of <paramref name="image"/>.
    /// </summary>
    internal static Mat Orient(Mat image, int orientation, CancellationToken cancellationToken)
    {
        if (orientation is < 2 or > 8)
        {
            return image;
        }

        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var turned = image;
            if (orientation >= 5)
            {
                // Faulted in band by band first, so the transposition itself is the only uncancellable part.
                turned = new Mat();
                try
                {
                    MatBands.CreateZeroed(turned, image.Cols, image.Rows, image.Type(), cancellationToken);
                    Cv2.Transpose(image, turned);
                }
                catch
                {
                    turned.Dispose();
                    throw;
                }

                image.Dispose();
                image = turned;
                cancellationToken.ThrowIfCancellationRequested();
            }

            FlipMode? flip = orientation switch
            {
                2 or 6 => FlipMode.Y,
                3 or 7 => FlipMode.XY,
                4 or 8 => FlipMode.X,
                _ => null,
            };
            if (flip is { } mode)
            {
                Cv2.Flip(turned, turned, mode);
            }

            return turned;
        }
        catch
        {
            image.Dispose();
            throw;
        }
    }
}

using System.Buffers.Binary;

namespace ArgoFlow.Services.Imaging;

/// <summary>
/// Counts the scans (SOS segments) of a JPEG without decoding it. A progressive JPEG may split its coefficients into
/// any number of scans and the decoder passes over the whole image for each: 1000 tiny scans in 364 KB kept a
/// 7000x7000 decode busy for 9 s. libjpeg-turbo offers a scan limit for this reason (djpeg -maxscans); the count
/// here lets both decoders (OpenCV's and the streamed one) refuse such a file before they start.
/// </summary>
public static class JpegScans
{
    private const byte Marker = 0xFF;
    private const byte Sos = 0xDA;
    private const byte Eoi = 0xD9;

    /// <summary>The number of scans, counting stops at <paramref name="stopAfter"/> + 1 (enough to refuse).</summary>
    public static int Count(ReadOnlySpan<byte> jpeg, int stopAfter)
    {
        var scans = 0;
        var at = 2;
        while (at + 4 <= jpeg.Length && scans <= stopAfter)
        {
            if (jpeg[at] != Marker)
            {
                return scans; // not a marker where one must be: the decoder reports the damage
            }

            var marker = jpeg[at + 1];
            if (marker == Marker || marker is 0x01 or 0xD8 or (>= 0xD0 and <= 0xD7))
            {
                at += marker == Marker ? 1 : 2;
                continue;
            }

            if (marker == Eoi)
            {
                return scans;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(at + 2)..]);
            at += 2 + length;
            if (marker != Sos)
            {
                continue;
            }

            scans++;
            // Entropy-coded data: every 0xFF in it is followed by 0x00 (stuffing) or a restart marker, so the next
            // 0xFF followed by anything else is the next segment.
            while (at < jpeg.Length)
            {
                var ff = jpeg[at..].IndexOf(Marker);
                if (ff < 0 || at + ff + 1 >= jpeg.Length)
                {
                    return scans;
                }

                var next = jpeg[at + ff + 1];
                if (next == 0x00 || next is >= 0xD0 and <= 0xD7 || next == Marker)
                {
                    at += ff + (next == Marker ? 1 : 2);
                    continue;
                }

                at += ff;
                break;
            }
        }

        return scans;
    }
}

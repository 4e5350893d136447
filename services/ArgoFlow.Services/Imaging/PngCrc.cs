namespace ArgoFlow.Services.Imaging;

/// <summary>
/// The CRC-32 of PNG chunks (ISO 3309, polynomial 0xEDB88320), table-driven. System.IO.Hashing would do it, but it
/// is not among the packages this repository may use (Directory.Packages.props), and the data it runs over is the
/// compressed stream, a small fraction of the encode's time.
/// </summary>
internal static class PngCrc
{
    private static readonly uint[] Table = BuildTable();

    /// <summary>Continues <paramref name="crc"/> (start with <c>0xFFFFFFFF</c>) over <paramref name="data"/>.</summary>
    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        var table = Table;
        foreach (var b in data)
        {
            crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    /// <summary>The finished CRC of a chunk's type and data.</summary>
    public static uint Finish(uint crc) => crc ^ 0xFFFFFFFF;

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}

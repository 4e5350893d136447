namespace ArgoFlow.Services.Imaging;

/// <summary>PNG's Paeth filter (ISO 15948 section 9.4): each byte minus the nearest of left, up and upper-left.</summary>
internal static class PngPaeth
{
    /// <summary>Filters <paramref name="row"/> against <paramref name="above"/> (zeros for the first row) into <paramref name="filtered"/>.</summary>
    public static void Filter(ReadOnlySpan<byte> row, ReadOnlySpan<byte> above, int bytesPerPixel, Span<byte> filtered)
    {
        var n = row.Length;
        filtered = filtered[..n];
        above = above[..n];
        for (var i = 0; i < bytesPerPixel && i < n; i++)
        {
            filtered[i] = (byte)(row[i] - above[i]); // no left neighbour: the predictor is the byte above
        }

        for (var i = bytesPerPixel; i < n; i++)
        {
            int a = row[i - bytesPerPixel], b = above[i], c = above[i - bytesPerPixel];
            var pa = Math.Abs(b - c);
            var pb = Math.Abs(a - c);
            var pc = Math.Abs(a + b - c - c);
            var predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
            filtered[i] = (byte)(row[i] - predictor);
        }
    }
}

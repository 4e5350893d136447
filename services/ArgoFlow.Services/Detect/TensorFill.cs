using OpenCvSharp;

namespace ArgoFlow.Services.Detect;

/// <summary>Copies an 8-bit 3-channel image into a float CHW tensor scaled to [0, 1].</summary>
internal static class TensorFill
{
    public static void FromBgr(Mat image, Span<float> tensor, bool swapToRgb)
    {
        var plane = image.Width * image.Height;
        if (tensor.Length < 3 * plane)
        {
            throw new ArgumentException($"tensor holds {tensor.Length} floats, the image needs {3 * plane}", nameof(tensor));
        }

        using var continuous = image.IsContinuous() ? null : image.Clone();
        var pixels = (continuous ?? image).AsSpan<byte>();
        // OpenCV stores B, G, R; the model wants plane 0 = B (FastestDet) or R (YOLO).
        var first = swapToRgb ? 2 : 0;
        var last = swapToRgb ? 0 : 2;
        const float scale = 1f / 255f;
        var c0 = tensor[..plane];
        var c1 = tensor.Slice(plane, plane);
        var c2 = tensor.Slice(2 * plane, plane);
        for (int i = 0, p = 0; i < plane; i++, p += 3)
        {
            c0[i] = pixels[p + first] * scale;
            c1[i] = pixels[p + 1] * scale;
            c2[i] = pixels[p + last] * scale;
        }
    }

    /// <summary>
    /// Rows [<paramref name="top"/>, <paramref name="bottom"/>) of a continuous 8-bit BGR image into the same rows of
    /// a CHW tensor of the image's size, as <see cref="FromBgr"/> writes them (for a tensor filled strip by strip).
    /// </summary>
    public static void FromBgrRows(Mat image, Span<float> tensor, int top, int bottom, bool swapToRgb)
    {
        ArgumentNullException.ThrowIfNull(image);
        var width = image.Width;
        var plane = width * image.Height;
        var pixels = image.AsSpan<byte>();
        var first = swapToRgb ? 2 : 0;
        var last = swapToRgb ? 0 : 2;
        const float scale = 1f / 255f;
        var c0 = tensor[..plane];
        var c1 = tensor.Slice(plane, plane);
        var c2 = tensor.Slice(2 * plane, plane);
        for (int i = top * width, p = i * 3, end = bottom * width; i < end; i++, p += 3)
        {
            c0[i] = pixels[p + first] * scale;
            c1[i] = pixels[p + 1] * scale;
            c2[i] = pixels[p + last] * scale;
        }
    }
}

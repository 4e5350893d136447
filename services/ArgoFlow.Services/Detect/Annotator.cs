using System.Globalization;
using OpenCvSharp;

namespace ArgoFlow.Services.Detect;

/// <summary>
/// Draws detections on a copy of an image: each box clipped to the image, its class name and score on a filled
/// label in the box's colour (above the box, or just inside its top when there is no room above), line width and
/// text size scaled to the image so labels stay readable on a phone photo and on a thumbnail alike.
/// </summary>
public static class Annotator
{
    private const HersheyFonts Font = HersheyFonts.HersheySimplex;

    public static Mat Draw(Mat image, IEnumerable<DetectedObject> detections)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(detections);
        var copy = image.Clone();
        if (copy.Empty())
        {
            return copy;
        }

        var style = AnnotationStyle.For(copy.Width, copy.Height);
        foreach (var d in detections)
        {
            if (Clip(d, copy.Width, copy.Height) is not { } box)
            {
                continue; // entirely outside the image: nothing of it to show
            }

            var colour = Colour(d.ClassId);
            // The line is drawn inside the box, so a box at the image's edge keeps its full width in view.
            var inset = style.LineWidth / 2;
            var topLeft = new Point(box.X + inset, box.Y + inset);
            var bottomRight = new Point(Math.Max(topLeft.X, box.Right - 1 - inset), Math.Max(topLeft.Y, box.Bottom - 1 - inset));
            Cv2.Rectangle(copy, topLeft, bottomRight, colour, style.LineWidth);
            DrawLabel(copy, string.Create(CultureInfo.InvariantCulture, $"{d.ClassName} {d.Score:0.00}"), box, colour, style);
        }

        return copy;
    }

    /// <summary>The part of the detection's box inside a <paramref name="width"/> x <paramref name="height"/> image; null when none is.</summary>
    internal static Rect? Clip(DetectedObject d, int width, int height)
    {
        // NaN boxes (a broken model output) clamp to nothing rather than throwing inside OpenCV.
        static int Bound(float v, int max) => float.IsNaN(v) ? 0 : (int)Math.Clamp(Math.Round(v), 0, max);
        var x1 = Bound(Math.Min(d.X1, d.X2), width);
        var x2 = Bound(Math.Max(d.X1, d.X2), width);
        var y1 = Bound(Math.Min(d.Y1, d.Y2), height);
        var y2 = Bound(Math.Max(d.Y1, d.Y2), height);
        return x2 > x1 && y2 > y1 ? new Rect(x1, y1, x2 - x1, y2 - y1) : null;
    }

    /// <summary>Where the label of <paramref name="box"/> goes: above it when it fits, else inside its top; always within the image.</summary>
    internal static Rect LabelRect(Rect box, Size label, int width, int height)
    {
        var w = Math.Min(label.Width, width);
        var h = Math.Min(label.Height, height);
        var y = box.Y - h >= 0 ? box.Y - h : box.Y;
        return new Rect(Math.Clamp(box.X, 0, width - w), Math.Clamp(y, 0, height - h), w, h);
    }

    private static void DrawLabel(Mat image, string text, Rect box, Scalar colour, AnnotationStyle style)
    {
        var size = Cv2.GetTextSize(text, Font, style.FontScale, style.TextThickness, out var baseline);
        var pad = style.LineWidth;
        var rect = LabelRect(box, new Size(size.Width + 2 * pad, size.Height + baseline + 2 * pad), image.Width, image.Height);
        Cv2.Rectangle(image, rect, colour, -1);
        // A label wider than the image is cut by the clip rectangle rather than drawn over the neighbouring pixels.
        using var area = new Mat(image, rect);
        Cv2.PutText(area, text, new Point(pad, pad + size.Height), Font, style.FontScale, TextColour(colour), style.TextThickness, LineTypes.AntiAlias);
    }

    /// <summary>Black on light label colours, white on dark ones (ITU-R BT.601 luma of the BGR colour).</summary>
    internal static Scalar TextColour(Scalar bgr) =>
        0.114 * bgr.Val0 + 0.587 * bgr.Val1 + 0.299 * bgr.Val2 > 140 ? Scalar.Black : Scalar.White;

    internal static Scalar Colour(int classId) =>
        new((classId * 67) % 256, (classId * 137 + 80) % 256, (classId * 199 + 160) % 256);
}

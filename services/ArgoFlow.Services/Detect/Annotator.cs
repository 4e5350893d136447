using System.Globalization;
using OpenCvSharp;

namespace ArgoFlow.Services.Detect;

/// <summary>Draws detections (box, class name and score) on a copy of an image.</summary>
public static class Annotator
{
    public static Mat Draw(Mat image, IEnumerable<DetectedObject> detections)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(detections);
        var copy = image.Clone();
        var thickness = Math.Max(1, Math.Min(image.Width, image.Height) / 300);
        foreach (var d in detections)
        {
            var colour = Colour(d.ClassId);
            var topLeft = new Point((int)d.X1, (int)d.Y1);
            Cv2.Rectangle(copy, topLeft, new Point((int)d.X2, (int)d.Y2), colour, thickness);
            var label = string.Create(CultureInfo.InvariantCulture, $"{d.ClassName} {d.Score:0.00}");
            Cv2.PutText(copy, label, new Point(Math.Max(0, topLeft.X), Math.Max(12, topLeft.Y - 4)),
                HersheyFonts.HersheySimplex, 0.5 * thickness, colour, thickness);
        }

        return copy;
    }

    private static Scalar Colour(int classId) =>
        new((classId * 67) % 256, (classId * 137 + 80) % 256, (classId * 199 + 160) % 256);
}

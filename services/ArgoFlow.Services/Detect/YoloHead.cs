using OpenCvSharp;

namespace ArgoFlow.Services.Detect;

/// <summary>
/// Ultralytics YOLOv8/YOLO11 exports: the image letterboxed (aspect kept, padded with grey 114, centred) into the
/// input size, RGB, /255, CHW. Output [1, 4+C, N]: per anchor the box centre and size in input pixels and one
/// score per class (no objectness). Boxes are mapped back through the letterbox; NMS is per class, as
/// Ultralytics does it by default.
/// </summary>
internal static class YoloHead
{
    public static Letterbox Prepare(Mat bgr, Span<float> tensor, int inputWidth, int inputHeight)
    {
        var box = Letterbox.For(bgr.Width, bgr.Height, inputWidth, inputHeight);
        using var canvas = new Mat(inputHeight, inputWidth, MatType.CV_8UC3, new Scalar(114, 114, 114));
        using var roi = new Mat(canvas, new Rect(box.PadX, box.PadY, box.ScaledWidth, box.ScaledHeight));
        Cv2.Resize(bgr, roi, new Size(box.ScaledWidth, box.ScaledHeight), 0, 0, InterpolationFlags.Linear);
        TensorFill.FromBgr(canvas, tensor, swapToRgb: true);
        return box;
    }

    public static List<DetectedObject> Decode(
        ReadOnlySpan<float> output, ReadOnlySpan<long> shape, Letterbox box, Size image, Size source,
        IReadOnlyList<string> classNames, DetectSettings settings)
    {
        // Letterbox -> the decoded image's pixels -> the full-size source's pixels (differs after a reduced decode).
        var sx = (float)source.Width / image.Width;
        var sy = (float)source.Height / image.Height;
        var rows = (int)shape[1];
        var anchors = (int)shape[2];
        var candidates = new List<DetectedObject>();
        for (var i = 0; i < anchors; i++)
        {
            var bestClass = 0;
            var bestScore = float.MinValue;
            for (var c = 4; c < rows; c++)
            {
                var value = output[(c * anchors) + i];
                if (value > bestScore)
                {
                    bestScore = value;
                    bestClass = c - 4;
                }
            }

            if (!(bestScore > settings.ScoreThreshold))
            {
                continue;
            }

            var name = bestClass < classNames.Count ? classNames[bestClass] : $"class{bestClass}";
            if (settings.Classes.Count > 0 && !settings.Classes.Contains(name))
            {
                continue;
            }

            var cx = output[i];
            var cy = output[anchors + i];
            var w = output[(2 * anchors) + i];
            var h = output[(3 * anchors) + i];
            candidates.Add(new DetectedObject(
                bestClass, name, bestScore,
                box.ToSourceX(cx - (w / 2), image.Width) * sx, box.ToSourceY(cy - (h / 2), image.Height) * sy,
                box.ToSourceX(cx + (w / 2), image.Width) * sx, box.ToSourceY(cy + (h / 2), image.Height) * sy));
        }

        return Nms.Run(candidates, settings.IouThreshold, classAware: true, pixelAreas: false);
    }
}

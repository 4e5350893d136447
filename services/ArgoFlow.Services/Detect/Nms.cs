namespace ArgoFlow.Services.Detect;

/// <summary>Greedy non-maximum suppression: keep the best box, drop every later box overlapping it too much.</summary>
public static class Nms
{
    /// <param name="candidates">Boxes in any order.</param>
    /// <param name="iouThreshold">A box whose IoU with a kept box is above this is dropped.</param>
    /// <param name="classAware">Only boxes of the same class suppress each other (YOLO); false: any box (FastestDet).</param>
    /// <param name="pixelAreas">
    /// Integer-pixel convention of the FastestDet authors: widths and heights count both end pixels (+1).
    /// </param>
    public static List<DetectedObject> Run(IEnumerable<DetectedObject> candidates, float iouThreshold, bool classAware, bool pixelAreas)
    {
        var ordered = candidates.OrderByDescending(d => d.Score).ToList();
        var kept = new List<DetectedObject>();
        var extra = pixelAreas ? 1f : 0f;
        foreach (var candidate in ordered)
        {
            var suppressed = false;
            foreach (var best in kept)
            {
                if (classAware && best.ClassId != candidate.ClassId)
                {
                    continue;
                }

                if (Iou(best, candidate, extra) > iouThreshold)
                {
                    suppressed = true;
                    break;
                }
            }

            if (!suppressed)
            {
                kept.Add(candidate);
            }
        }

        return kept;
    }

    public static float Iou(DetectedObject a, DetectedObject b, float extra = 0)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var w = Math.Max(0, Math.Min(a.X2, b.X2) - Math.Max(a.X1, b.X1) + extra);
        var h = Math.Max(0, Math.Min(a.Y2, b.Y2) - Math.Max(a.Y1, b.Y1) + extra);
        var inter = w * h;
        var areaA = (a.X2 - a.X1 + extra) * (a.Y2 - a.Y1 + extra);
        var areaB = (b.X2 - b.X1 + extra) * (b.Y2 - b.Y1 + extra);
        var union = areaA + areaB - inter;
        return union <= 0 ? 0 : inter / union;
    }
}

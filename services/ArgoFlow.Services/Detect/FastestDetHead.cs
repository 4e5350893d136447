using OpenCvSharp;

namespace ArgoFlow.Services.Detect;

/// <summary>
/// FastestDet's pre- and post-processing, exactly as its authors do it (../shared/models/fastestdet/README.md):
/// BGR, INTER_AREA resize to the input size, /255, CHW; per grid cell tanh on the centre offsets, sigmoid on the
/// size, score = obj^0.6 * cls^0.4; pixel boxes truncated to int; class-agnostic NMS with +1 pixel areas.
/// </summary>
internal static class FastestDetHead
{
    public static void Prepare(Mat bgr, Span<float> tensor, int inputWidth, int inputHeight)
    {
        using var resized = new Mat();
        Resize.AreaShrink.Resize(bgr, resized, new Size(inputWidth, inputHeight));
        TensorFill.FromBgr(resized, tensor, swapToRgb: false);
    }

    public static List<DetectedObject> Decode(
        ReadOnlySpan<float> output, ReadOnlySpan<long> shape, int imageWidth, int imageHeight,
        IReadOnlyList<string> classNames, DetectSettings settings)
    {
        var channels = (int)shape[1];
        var gridH = (int)shape[2];
        var gridW = (int)shape[3];
        var plane = gridH * gridW;
        var candidates = new List<DetectedObject>();
        for (var h = 0; h < gridH; h++)
        {
            for (var w = 0; w < gridW; w++)
            {
                var cell = (h * gridW) + w;
                var objectness = output[cell];
                var bestClass = 0;
                var bestScore = float.MinValue;
                for (var c = 5; c < channels; c++)
                {
                    var value = output[(c * plane) + cell];
                    if (value > bestScore)
                    {
                        bestScore = value;
                        bestClass = c - 5;
                    }
                }

                var score = (float)(Math.Pow(objectness, 0.6) * Math.Pow(bestScore, 0.4));
                if (!(score > settings.ScoreThreshold))
                {
                    continue;
                }

                var name = bestClass < classNames.Count ? classNames[bestClass] : $"class{bestClass}";
                if (settings.Classes.Count > 0 && !settings.Classes.Contains(name))
                {
                    continue;
                }

                var cx = (w + MathF.Tanh(output[plane + cell])) / gridW;
                var cy = (h + MathF.Tanh(output[(2 * plane) + cell])) / gridH;
                var bw = Sigmoid(output[(3 * plane) + cell]);
                var bh = Sigmoid(output[(4 * plane) + cell]);
                candidates.Add(new DetectedObject(
                    bestClass, name, score,
                    (int)((cx - (0.5f * bw)) * imageWidth), (int)((cy - (0.5f * bh)) * imageHeight),
                    (int)((cx + (0.5f * bw)) * imageWidth), (int)((cy + (0.5f * bh)) * imageHeight)));
            }
        }

        return Nms.Run(candidates, settings.IouThreshold, classAware: false, pixelAreas: true);
    }

    private static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));
}

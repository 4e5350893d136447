using System.Text.Json;
using ArgoFlow.Services.Detect;
using ArgoFlow.TestSupport;

namespace ArgoFlow.Services.Tests.Support;

/// <summary>../shared/images/expected-detections.json and the tolerance rules of issue 3 §5.</summary>
internal static class ReferenceDetections
{
    private static readonly Lazy<JsonElement> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedData.ImagesDir, "expected-detections.json"))).RootElement);

    public static float Threshold => Document.Value.GetProperty("threshold").GetSingle();

    public static float Nms => Document.Value.GetProperty("nms").GetSingle();

    public static TheoryData<string> Images
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var image in Document.Value.GetProperty("images").EnumerateObject())
            {
                data.Add(image.Name);
            }

            return data;
        }
    }

    public static IReadOnlyList<DetectedObject> For(string image) =>
        Document.Value.GetProperty("images").GetProperty(image).GetProperty("detections").EnumerateArray()
            .Select(d => new DetectedObject(
                d.GetProperty("classId").GetInt32(), d.GetProperty("className").GetString()!, d.GetProperty("score").GetSingle(),
                d.GetProperty("x1").GetSingle(), d.GetProperty("y1").GetSingle(), d.GetProperty("x2").GetSingle(), d.GetProperty("y2").GetSingle()))
            .ToArray();

    /// <summary>Every way the actual detections differ: count, and per expected box a same-class match with IoU >= 0.9 and score within 0.02.</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyList<DetectedObject> expected, IReadOnlyList<DetectedObject> actual)
    {
        var problems = new List<string>();
        if (expected.Count != actual.Count)
        {
            problems.Add($"expected {expected.Count} detections, got {actual.Count}: {string.Join("; ", actual)}");
        }

        var unused = actual.ToList();
        foreach (var e in expected)
        {
            var match = unused.Where(a => a.ClassId == e.ClassId).OrderByDescending(a => Nms_Iou(a, e)).FirstOrDefault();
            if (match is null)
            {
                problems.Add($"no {e.ClassName} found for {e}");
                continue;
            }

            unused.Remove(match);
            var iou = Nms_Iou(match, e);
            if (iou < 0.9)
            {
                problems.Add($"{e.ClassName}: IoU {iou:0.000} < 0.9 ({match} vs {e})");
            }

            if (Math.Abs(match.Score - e.Score) > 0.02)
            {
                problems.Add($"{e.ClassName}: score {match.Score:0.0000} vs {e.Score:0.0000}");
            }
        }

        return problems;
    }

    private static float Nms_Iou(DetectedObject a, DetectedObject b) => ArgoFlow.Services.Detect.Nms.Iou(a, b);
}

using System.Text.Json.Serialization;

namespace ArgoFlow.Services.Detect;

/// <summary>
/// The detections JSON Detect writes (writeDetections) and Filter reads (regionsUri). Defined once here; the
/// shape is documented in docs/services.md:
/// <c>{"version": 1, "input": URI, "model": NAME, "width": W, "height": H,
///   "detections": [{"classId": 0, "className": "person", "score": 0.87, "box": {"x1":..,"y1":..,"x2":..,"y2":..}}]}</c>.
/// </summary>
public sealed record DetectionsDocument(
    int Version, string Input, string Model, int Width, int Height, IReadOnlyList<DetectionsDocument.Item> Detections)
{
    public const int CurrentVersion = 1;

    public sealed record Item(int ClassId, string ClassName, float Score, ItemBox Box);

    public sealed record ItemBox(float X1, float Y1, float X2, float Y2);

    public static DetectionsDocument From(string input, string model, int width, int height, IEnumerable<DetectedObject> found) =>
        new(CurrentVersion, input, model, width, height,
            found.Select(d => new Item(d.ClassId, d.ClassName, d.Score, new ItemBox(d.X1, d.Y1, d.X2, d.Y2))).ToArray());
}

/// <summary>Source-generated, camelCase JSON for <see cref="DetectionsDocument"/> (no reflection on the hot path).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
[JsonSerializable(typeof(DetectionsDocument))]
public sealed partial class DetectionsJsonContext : JsonSerializerContext;

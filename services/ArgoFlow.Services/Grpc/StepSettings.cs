using ArgoFlow.Contracts.V1;
using ArgoFlow.Services.Detect;
using ArgoFlow.Services.Filter;
using ArgoFlow.Services.Resize;
using OpenCvSharp;

namespace ArgoFlow.Services.Grpc;

/// <summary>
/// Each step's operation settings read from a validated request, with the defaults the catalogue leaves to the
/// service. The services and the in-process benchmark both build them here, so the floor the benchmark measures is
/// exactly the operation the service runs.
/// </summary>
public static class StepSettings
{
    public static ResizeSettings Resize(RequestParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new ResizeSettings(parameters.OptionalWhole("width"), parameters.OptionalWhole("height"),
            parameters.OptionalWhole("maxSide"), parameters.Text("fit"), parameters.Text("interpolation"), parameters.Flag("enlarge"));
    }

    /// <summary>Thresholds not given take the model's own defaults.</summary>
    public static DetectSettings Detect(RequestParameters parameters, DetectionModel model)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(model);
        var classes = parameters.TextList("classes").ToHashSet(StringComparer.Ordinal);
        CheckClasses(classes, model);
        return new DetectSettings(
            parameters.Has("scoreThreshold") ? (float)parameters.Number("scoreThreshold") : model.DefaultScoreThreshold,
            parameters.Has("iouThreshold") ? (float)parameters.Number("iouThreshold") : model.DefaultIouThreshold,
            parameters.Whole("maxDetections"))
        {
            Classes = classes,
        };
    }

    /// <summary>
    /// A class the model does not know would silently match nothing - in the privacy pipeline, a photo "anonymised"
    /// with nobody blurred - so it is INVALID_ARGUMENT naming the closest labels the model has.
    /// </summary>
    private static void CheckClasses(IReadOnlySet<string> classes, DetectionModel model)
    {
        var unknown = classes.Where(c => !model.ClassNames.Contains(c, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count == 0)
        {
            return;
        }

        var described = unknown.Select(c => ArgoFlow.Core.Errors.NameSuggestions.Closest(c, model.ClassNames, 3) is { Count: > 0 } near
            ? $"'{c}' (closest: {string.Join(", ", near)})"
            : $"'{c}'");
        throw Errors.StepException.Invalid("classes",
            $"model {model.Name} has no class {string.Join(", ", described)}; it knows {model.ClassNames.Count} classes, e.g. {string.Join(", ", model.ClassNames.Take(5))}");
    }

    /// <summary>The kernel defaults to 31 for blurRegions (a face needs a strong blur) and 5 otherwise.</summary>
    public static FilterSettings Filter(RequestParameters parameters, IReadOnlyList<Rect> regions)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var operation = parameters.Text("operation");
        return new FilterSettings(
            operation,
            parameters.OptionalWhole("kernelSize") ?? (operation == "blurRegions" ? 31 : 5),
            parameters.Number("sigma"), parameters.Number("amount"), parameters.Number("lowThreshold"),
            parameters.Number("highThreshold"), parameters.Number("strength"), parameters.Number("brightness"),
            parameters.Number("contrast"), parameters.Whole("blockSize"))
        {
            Regions = regions,
        };
    }

    /// <summary>The whole pixels covering a box (corners in either order), grown by <paramref name="padding"/>.</summary>
    public static Rect Region(Box box, int padding)
    {
        ArgumentNullException.ThrowIfNull(box);
        var x1 = (int)Math.Floor(Math.Min(box.X1, box.X2)) - padding;
        var y1 = (int)Math.Floor(Math.Min(box.Y1, box.Y2)) - padding;
        var x2 = (int)Math.Ceiling(Math.Max(box.X1, box.X2)) + padding;
        var y2 = (int)Math.Ceiling(Math.Max(box.Y1, box.Y2)) + padding;
        return new Rect(x1, y1, x2 - x1, y2 - y1);
    }

    /// <summary>The regions of a detections document, only those of <paramref name="classes"/> when any are named.</summary>
    public static IEnumerable<Rect> Regions(DetectionsDocument document, IReadOnlyCollection<string> classes, int padding)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(classes);
        return (document.Detections ?? [])
            .Where(d => classes.Count == 0 || classes.Contains(d.ClassName))
            .Select(d => Region(new Box { X1 = d.Box.X1, Y1 = d.Box.Y1, X2 = d.Box.X2, Y2 = d.Box.Y2 }, padding));
    }
}

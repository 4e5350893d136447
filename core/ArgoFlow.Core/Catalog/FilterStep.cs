namespace ArgoFlow.Core.Catalog;

internal static class FilterStep
{
    /// <summary>Operations that work on regions and so need regions or regionsUri.</summary>
    public static readonly IReadOnlyList<string> RegionOperations = ["blurRegions", "pixelateRegions"];

    public static StepType Create() => new(
        Name: "filter",
        Description: "Apply one image filter, or blur/pixelate regions (e.g. the people detect found).",
        GrpcService: "argoflow.v1.FilterService",
        GrpcMethod: "Filter",
        HttpRoute: "/v1/filter",
        Parameters:
        [
            new("operation", ParameterKind.Choice, "The filter to apply.", null,
                Values:
                [
                    "gaussianBlur", "medianBlur", "sharpen", "grayscale", "edges", "denoise",
                    "brightnessContrast", "blurRegions", "pixelateRegions",
                ]),
            new("kernelSize", ParameterKind.Whole, "Odd kernel size of the blurs (default 5; 31 for blurRegions).", null, 3, 99),
            new("sigma", ParameterKind.Number, "Gaussian sigma; 0 derives it from the kernel size.", 0.0, 0, 100),
            new("amount", ParameterKind.Number, "Sharpen amount.", 1.0, 0, 10),
            new("lowThreshold", ParameterKind.Number, "Canny lower threshold.", 100.0, 0, 1000),
            new("highThreshold", ParameterKind.Number, "Canny upper threshold.", 200.0, 0, 1000),
            new("strength", ParameterKind.Number, "Denoise strength (h).", 10.0, 1, 50),
            new("brightness", ParameterKind.Number, "Added to every pixel.", 0.0, -255, 255),
            new("contrast", ParameterKind.Number, "Gain applied to every pixel.", 1.0, 0, 4),
            new("blockSize", ParameterKind.Whole, "Pixelate block size in pixels.", 16, 2, 256),
            new("regions", ParameterKind.BoxList, "Fixed regions to blur or pixelate, in input pixels."),
            new("regionClasses", ParameterKind.TextList, "Use only detections of these classes (default: all)."),
            new("regionPadding", ParameterKind.Whole, "Grow every region by this many pixels per side.", 0, 0, 1000),
            StepCatalog.Format(),
            StepCatalog.Quality(),
            StepCatalog.Output("Key or URI of the filtered image; default derived from the input and the parameters."),
        ],
        Inputs:
        [
            new("image", "input", "The image to filter."),
            new("regions", "regionsUri", "A detections JSON (a detect step's detections output)."),
        ],
        Outputs: [new("image", "output", "URI of the filtered image.")],
        CheckCombination: Check);

    private static IEnumerable<ParameterProblem> Check(IReadOnlyDictionary<string, object?> values)
    {
        var operation = values.TryGetValue("operation", out var o) ? o as string : null;
        if (operation is null)
        {
            yield return new("operation", "filter needs an operation");
            yield break;
        }

        if (values.TryGetValue("kernelSize", out var k) && k is long size && size % 2 == 0)
        {
            yield return new("kernelSize", "must be odd");
        }

        if (values.TryGetValue("lowThreshold", out var lo) && values.TryGetValue("highThreshold", out var hi) &&
            lo is double l && hi is double h && l > h)
        {
            yield return new("lowThreshold", "must not be greater than highThreshold");
        }
    }
}

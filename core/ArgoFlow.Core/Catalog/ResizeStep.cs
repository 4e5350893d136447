namespace ArgoFlow.Core.Catalog;

internal static class ResizeStep
{
    public const int MaxSide = 16384;

    public static StepType Create() => new(
        Name: "resize",
        Description: "Scale an image to a width/height or a longest side, keeping or cropping the aspect ratio.",
        GrpcService: "argoflow.v1.ResizeService",
        GrpcMethod: "Resize",
        HttpRoute: "/v1/resize",
        Parameters:
        [
            new("width", ParameterKind.Whole, "Target width in pixels.", null, 1, MaxSide),
            new("height", ParameterKind.Whole, "Target height in pixels.", null, 1, MaxSide),
            new("maxSide", ParameterKind.Whole,
                "Largest longest side in pixels; the other keeps the aspect ratio. Only shrinks unless enlarge is true.", null, 1, MaxSide),
            new("enlarge", ParameterKind.Boolean,
                "With maxSide: also scale up an image smaller than maxSide (default false: shrink only, as libvips' size=down).", false),
            new("fit", ParameterKind.Choice,
                "fit: inside width x height, aspect kept; fill: cover it and crop the centre; stretch: exact size.",
                "fit", Values: ["fit", "fill", "stretch"]),
            new("interpolation", ParameterKind.Choice, "Resampling filter.", "area",
                Values: ["area", "linear", "cubic", "lanczos"]),
            StepCatalog.Format(),
            StepCatalog.Quality(),
            StepCatalog.Output("Key or URI of the resized image; default derived from the input and the parameters."),
        ],
        Inputs: [new("image", "input", "The image to resize.")],
        Outputs: [new("image", "output", "URI of the resized image.")],
        CheckCombination: Check);

    private static IEnumerable<ParameterProblem> Check(IReadOnlyDictionary<string, object?> values)
    {
        bool has(string name) => values.TryGetValue(name, out var v) && v is not null;
        if (has("maxSide") && (has("width") || has("height")))
        {
            yield return new("maxSide", "cannot be combined with width or height");
        }
        else if (!has("maxSide") && !has("width") && !has("height"))
        {
            yield return new("width", "resize needs width and/or height, or maxSide");
        }

        if (values.TryGetValue("enlarge", out var e) && e is true && !has("maxSide"))
        {
            yield return new("enlarge", "applies to maxSide only (width and height are exact targets)");
        }

        var fit = values.TryGetValue("fit", out var f) ? f as string : null;
        if (fit is "fill" or "stretch" && !(has("width") && has("height")))
        {
            yield return new("fit", $"fit '{fit}' needs both width and height");
        }
    }
}

namespace ArgoFlow.Services.Detect;

/// <summary>One model the Detect service loads at start-up.</summary>
public sealed class ModelOptions
{
    /// <summary>Name requests use in <c>model</c>; default the file name without extension, lower-cased.</summary>
    public string? Name { get; set; }

    /// <summary>Path to the .onnx file.</summary>
    public string Path { get; set; } = string.Empty;

    public ModelFormat Format { get; set; } = ModelFormat.Auto;

    /// <summary>
    /// A file with one class name per line. Default: <c>NAME.names</c> or <c>coco.names</c> beside the model,
    /// else the model's own "names" metadata (Ultralytics), else COCO's 80 names when the model has 80 classes.
    /// </summary>
    public string? ClassNamesPath { get; set; }

    /// <summary>Default score threshold, 0-1. Default 0.65 for FastestDet (the authors' value), 0.25 for YOLO.</summary>
    public float? ScoreThreshold { get; set; }

    /// <summary>Default NMS IoU threshold, 0-1. Default 0.45.</summary>
    public float? IouThreshold { get; set; }

    public string EffectiveName =>
        string.IsNullOrWhiteSpace(Name) ? System.IO.Path.GetFileNameWithoutExtension(Path).ToLowerInvariant() : Name;
}

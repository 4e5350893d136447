namespace ArgoFlow.Services.Detect;

/// <summary>The output head a model has, which decides pre- and post-processing.</summary>
public enum ModelFormat
{
    /// <summary>Decide from the output shape: 4-D [1, 5+C, H, W] is FastestDet, 3-D [1, 4+C, N] is YOLO.</summary>
    Auto,

    /// <summary>FastestDet: BGR stretched to the input size with INTER_AREA, a [1, 5+C, H, W] grid output.</summary>
    FastestDet,

    /// <summary>Ultralytics YOLOv8/YOLO11 export: letterboxed RGB input, [1, 4+C, N] output (cx, cy, w, h, scores).</summary>
    Yolo,
}

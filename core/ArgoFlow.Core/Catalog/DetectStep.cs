namespace ArgoFlow.Core.Catalog;

internal static class DetectStep
{
    public static StepType Create() => new(
        Name: "detect",
        Description: "Find objects with an ONNX model (FastestDet or a YOLOv8/YOLO11 export).",
        GrpcService: "argoflow.v1.DetectService",
        GrpcMethod: "Detect",
        HttpRoute: "/v1/detect",
        Parameters:
        [
            new("model", ParameterKind.Text, "Name of a model the service loaded; default its default model."),
            new("scoreThreshold", ParameterKind.Number, "Minimum score to keep a detection.", 0.65, 0, 1),
            new("iouThreshold", ParameterKind.Number, "NMS overlap above which the weaker box is dropped.", 0.45, 0, 1),
            new("classes", ParameterKind.TextList, "Keep only these class names (default: all)."),
            new("maxDetections", ParameterKind.Whole, "At most this many detections, best first.", 100, 1, 10000),
            new("writeDetections", ParameterKind.Boolean,
                "Write the detections JSON to storage (set automatically when a later step reads them).", false),
            new("detectionsOutput", ParameterKind.Text, "Key or URI of the detections JSON; default derived."),
            new("annotate", ParameterKind.Boolean, "Also write a copy of the image with the boxes drawn.", false),
            new("annotatedOutput", ParameterKind.Text, "Key or URI of the annotated image; default derived."),
        ],
        Inputs: [new("image", "input", "The image to search.")],
        Outputs:
        [
            new("detections", "detectionsUri", "URI of the detections JSON (needs writeDetections)."),
            new("annotated", "annotatedUri", "URI of the annotated image (needs annotate)."),
            new("image", "input", "The input image, passed through.", PassThrough: true),
        ],
        CheckCombination: _ => []);
}

using ArgoFlow.Core.Errors;
using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Bench.Local;

/// <summary>
/// The pipelines the bench runs when no -f SPEC is given: the reference resize (640x360) -> detect -> gaussian
/// filter pipeline, or one step alone for --service. Written as spec YAML so they go through the same reader and
/// validator as a user's file.
/// </summary>
public static class BenchSpecs
{
    /// <summary>The services --service accepts.</summary>
    public static IReadOnlyList<string> Services { get; } = ["resize", "detect", "filter"];

    public static PipelineSpec Pipeline() => PipelineSpecReader.Read(
        Header("bench") + ResizeStep + DetectStep + FilterStep, "built-in bench pipeline");

    /// <summary>A one-step pipeline that calls only <paramref name="service"/> on the input image.</summary>
    public static PipelineSpec Service(string service) => service switch
    {
        "resize" => PipelineSpecReader.Read(Header("bench-resize") + ResizeStep, "built-in resize benchmark"),
        "detect" => PipelineSpecReader.Read(Header("bench-detect") + DetectStep, "built-in detect benchmark"),
        "filter" => PipelineSpecReader.Read(Header("bench-filter") + FilterStep, "built-in filter benchmark"),
        _ => throw new ArgoFlowException(ExitCode.Usage, $"--service: unknown service '{service}'",
            $"use one of {string.Join(", ", Services)}"),
    };

    private static string Header(string name) => $"""
        apiVersion: argoflow.io/v1alpha1
        kind: Pipeline
        metadata:
          name: {name}
        spec:
          parameters:
            - name: input
              value: input.jpg
          steps:

        """;

    private const string ResizeStep = """
            - name: resize
              type: resize
              with:
                width: 640
                height: 360

        """;

    private const string DetectStep = """
            - name: detect
              type: detect

        """;

    private const string FilterStep = """
            - name: filter
              type: filter
              with:
                operation: gaussianBlur
                kernelSize: 5

        """;
}

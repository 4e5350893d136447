using ArgoFlow.Cli.Commands;
using ArgoFlow.Contracts.V1;
using ArgoFlow.Steps.Runner;
using ArgoFlow.TestSupport;
using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Cli.Tests.Run;

/// <summary>Run reports built by hand (the classic sample's steps, realistic figures) for the summary and JSON tests.</summary>
internal static class RunReports
{
    public static PipelineSpec Classic { get; } =
        PipelineSpecReader.ReadFile(Path.Combine(SharedData.RepoRoot, "samples", "pipelines", "classic.yaml"));

    public static RunReport Of(params PipelineRunResult[] runs) =>
        new(Classic, runs, "embedded services (resize, detect, filter) on 127.0.0.1:41237", "/o");

    /// <summary>One classic run over <paramref name="name"/> (a.jpg): resize, detect (finding <paramref name="classes"/>), filter.</summary>
    public static PipelineRunResult Classic1(string name = "a", params string[] classes)
    {
        var detect = new DetectResponse { Input = $"file:///o/{name}.resize.jpg", DetectionsUri = $"file:///o/{name}.detect.json", AnnotatedUri = $"file:///o/{name}.detect.jpg" };
        detect.Detections.AddRange(classes.Select(c => new Detection { ClassName = c, Score = 0.9f, Box = new Box() }));
        return Run(
            name,
            Ok("resize", "resize", new Dictionary<string, string> { ["image"] = $"file:///o/{name}.resize.jpg" }),
            Ok("detect", "detect", new Dictionary<string, string>
            {
                ["detections"] = detect.DetectionsUri, ["annotated"] = detect.AnnotatedUri, ["image"] = detect.Input,
            }, detect),
            Ok("filter", "filter", new Dictionary<string, string> { ["image"] = $"file:///o/{name}.filter.png" }));
    }

    public static PipelineRunResult Run(string input, params StepRunResult[] steps) =>
        new("classic", new Dictionary<string, string> { ["input"] = input + ".jpg" }, steps, 2345.6);

    public static StepRunResult Ok(string name, string type, Dictionary<string, string>? outputs = null, DetectResponse? response = null) =>
        new(name, type, StepPhase.Succeeded, 1, string.Empty,
            new Timing { DownloadMs = 12.3, DecodeMs = 456.7, ProcessMs = 1234.5, EncodeMs = 345.6, UploadMs = 23.4, TotalMs = 2072.5 },
            2100.25, response, outputs ?? []);

    public static StepRunResult Failed(string name, string type) =>
        new(name, type, StepPhase.Failed, 3, "boom", new Timing(), 10, null, new Dictionary<string, string>(), Core.Errors.ExitCode.Failed);

    public static StepRunResult Skipped(string name, string type) =>
        new(name, type, StepPhase.Skipped, 0, "skipped", new Timing(), 0, null, new Dictionary<string, string>(), Core.Errors.ExitCode.Failed);
}

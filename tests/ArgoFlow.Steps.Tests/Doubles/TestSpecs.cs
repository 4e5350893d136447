using ArgoFlow.Core.Catalog;
using ArgoFlow.Core.Errors;
using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Steps.Tests.Doubles;

/// <summary>Pipeline specs built in code, as the spec reader would resolve them, pointing at the doubles.</summary>
public static class TestSpecs
{
    public static readonly RetryPolicy FastRetry = new(3, TimeSpan.FromMilliseconds(1), 2, TimeSpan.FromMilliseconds(4));

    /// <summary>resize -> detect -> filter (blurRegions of the people detect found, on the resized image).</summary>
    public static PipelineSpec Classic(string target) => Spec(target,
        Step("resize", StepCatalog.Resize, [], new() { ["image"] = new ParameterRef("input") },
            new() { ["width"] = 320L, ["height"] = 240L }),
        Step("detect", StepCatalog.Detect, ["resize"], new() { ["image"] = new StepOutputRef("resize", "image") },
            new() { ["scoreThreshold"] = 0.5, ["writeDetections"] = true }),
        Step("filter", StepCatalog.Filter, ["detect"],
            new() { ["image"] = new StepOutputRef("detect", "image"), ["regions"] = new StepOutputRef("detect", "detections") },
            new() { ["operation"] = "blurRegions" }));

    /// <summary>One resize feeding two filters that do not depend on each other.</summary>
    public static PipelineSpec FanOut(string target) => Spec(target,
        Step("thumbnail", StepCatalog.Resize, [], new() { ["image"] = new ParameterRef("input") },
            new() { ["width"] = 100L, ["height"] = 100L, ["fit"] = "fill" }),
        Step("gray", StepCatalog.Filter, ["thumbnail"], new() { ["image"] = new StepOutputRef("thumbnail", "image") },
            new() { ["operation"] = "grayscale" }),
        Step("edges", StepCatalog.Filter, ["thumbnail"], new() { ["image"] = new StepOutputRef("thumbnail", "image") },
            new() { ["operation"] = "edges" }));

    public static PipelineSpec Spec(string target, params PipelineStep[] steps) => new(
        "test",
        "argo",
        [new PipelineParameter("input", "in/photo.jpg", "The photo.")],
        steps,
        new ServiceEndpoints(StepCatalog.All.ToDictionary(t => t.Name, _ => new ServiceEndpoint(target, $"http://{target}"))),
        FastRetry,
        10,
        new SourceLocation("test.yaml", 1, 1));

    public static PipelineStep Step(
        string name,
        StepType type,
        string[] dependsOn,
        Dictionary<string, ValueSource> inputs,
        Dictionary<string, object?> with) =>
        new(name, type, dependsOn, inputs, with, FastRetry, 10, new SourceLocation("test.yaml", 1, 1));
}

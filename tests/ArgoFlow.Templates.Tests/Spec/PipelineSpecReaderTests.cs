using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Templates.Tests.Spec;

public sealed class PipelineSpecReaderTests
{
    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void Sample_reads_without_errors(string name)
    {
        var spec = PipelineSpecReader.ReadFile(Samples.PathOf(name));

        Assert.Equal(name, spec.Name);
        Assert.NotEmpty(spec.Steps);
    }

    [Fact]
    public void Classic_sample_runs_sequentially_and_passes_images_along()
    {
        var spec = PipelineSpecReader.ReadFile(Samples.PathOf("classic"));

        Assert.Equal(["resize", "detect", "filter"], spec.Steps.Select(s => s.Name));
        Assert.Empty(spec.Steps[0].DependsOn);
        Assert.Equal(["resize"], spec.Steps[1].DependsOn);
        Assert.Equal(["detect"], spec.Steps[2].DependsOn);
        Assert.Equal(new ParameterRef("input"), spec.Steps[0].Inputs["image"]);
        Assert.Equal(new StepOutputRef("resize", "image"), spec.Steps[1].Inputs["image"]);
        Assert.Equal(new StepOutputRef("detect", "image"), spec.Steps[2].Inputs["image"]);
        Assert.Equal(640L, spec.Steps[0].With["width"]);
        Assert.Equal(0.5, spec.Steps[1].With["scoreThreshold"]);
        Assert.Equal("argo", spec.Namespace);
        Assert.Equal("argoflow-resize-headless.argo.svc.cluster.local:9090", spec.Services.For("resize").Grpc);
        Assert.Equal("http://argoflow-filter.argo.svc.cluster.local:8080", spec.Services.For("filter").Http);
        Assert.Equal(30, spec.TimeoutSeconds);
        Assert.Equal(new RetryPolicy(3, TimeSpan.FromSeconds(1), 2, TimeSpan.FromSeconds(30)), spec.Retry);
    }

    [Fact]
    public void Privacy_sample_turns_on_detections_for_the_step_whose_detections_are_read()
    {
        var spec = PipelineSpecReader.ReadFile(Samples.PathOf("privacy"));

        var detect = spec.FindStep("find-people")!;
        var blur = spec.FindStep("blur-people")!;
        Assert.Equal(true, detect.With["writeDetections"]);
        Assert.Equal(new StepOutputRef("find-people", "detections"), blur.Inputs["regions"]);
        Assert.Equal(new StepOutputRef("resize", "image"), blur.Inputs["image"]);
        Assert.Equal(["find-people", "resize"], blur.DependsOn);
        Assert.Equal(new ParameterRef("padding"), blur.With["regionPadding"]);
        Assert.Equal(["person"], (IReadOnlyList<string>)detect.With["classes"]!);
    }

    [Fact]
    public void Fan_out_sample_has_three_branches_under_one_resize_with_own_endpoints_and_policies()
    {
        var spec = PipelineSpecReader.ReadFile(Samples.PathOf("fan-out"));

        Assert.All(spec.Steps.Skip(1), s => Assert.Equal(["thumbnail"], s.DependsOn));
        Assert.Equal("gpu-detector.media.svc.cluster.local:9090", spec.Services.For("detect").Grpc);
        Assert.Equal("argoflow-resize-headless.media.svc.cluster.local:9090", spec.Services.For("resize").Grpc);
        var objects = spec.FindStep("objects")!;
        Assert.Equal(60, objects.TimeoutSeconds);
        Assert.Equal(1, objects.Retry.Limit);
        Assert.Equal(20, spec.FindStep("edges")!.TimeoutSeconds);
    }

    [Fact]
    public void Steps_come_out_in_dependency_order_when_the_file_lists_a_dependent_first()
    {
        var spec = PipelineSpecReader.Read(SpecText.With("""
              - name: b
                type: filter
                dependsOn: [a]
                with: {operation: grayscale}
              - name: a
                type: resize
                dependsOn: []
                with: {maxSide: 100}
            """), "order.yaml");

        Assert.Equal(["a", "b"], spec.Steps.Select(s => s.Name));
        Assert.Equal(new StepOutputRef("a", "image"), spec.Steps[1].Inputs["image"]);
    }
}

using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Templates.Tests.Spec;

/// <summary><c>spec.services.NAME.replicas</c> and <c>.autoscale</c>: read, defaulted, and refused with file:line.</summary>
public sealed class ScaleValidationTests
{
    private const string Head = """
        apiVersion: argoflow.io/v1alpha1
        kind: Pipeline
        metadata: {name: x}
        spec:
          parameters: [{name: input}]
          steps:
            - name: a
              type: filter
              with: {operation: grayscale}
          services:
        """;

    [Fact]
    public void Replicas_and_autoscale_are_read_and_default_falls_back()
    {
        var spec = PipelineSpecReader.Read(Head + """

                default: {replicas: 2}
                resize: {replicas: 3}
                detect:
                  autoscale: {minReplicas: 2, maxReplicas: 6, targetInFlightPerPod: 4}
                filter:
                  autoscale: {maxReplicas: 4}
            """, "spec.yaml");

        Assert.Equal(3, spec.Services.For("resize").Scale!.Replicas);
        Assert.Equal(new ServiceAutoscale(2, 6, null, 4), spec.Services.For("detect").Scale!.Autoscale);
        Assert.Equal(new ServiceAutoscale(1, 4, ServiceAutoscale.DefaultCpuUtilizationPercentage, null), spec.Services.For("filter").Scale!.Autoscale);
        Assert.Equal(2, spec.Services.For("pipeline").Scale!.Replicas);
        Assert.Equal(12, spec.Services.For("resize").Scale!.Source.Line);
    }

    [Fact]
    public void Without_a_setting_the_scale_is_unset_and_one_pod_is_meant()
    {
        var spec = PipelineSpecReader.Read(Head + " {}", "spec.yaml");

        Assert.Null(spec.Services.For("resize").Scale);
    }

    [Fact]
    public void Every_bad_value_is_reported_with_its_line_and_path()
    {
        var problems = SpecAssert.Problems(Head + """

                resize: {replicas: 0}
                detect:
                  replicas: 2
                  autoscale: {minReplicas: 5, maxReplicas: 3, targetCPUUtilizationPercentage: 0, targetInflight: 2}
                filter:
                  autoscale: {minReplicas: 2}
                pipeline: {replicas: many}
            """);

        string[] expected =
            [
                "11:24 spec.services.resize.replicas: expected an integer in 1..1000",
                "13:17 spec.services.detect.replicas: give replicas or autoscale, not both",
                "14:48 spec.services.detect.autoscale.maxReplicas: 3 is below minReplicas 5",
                "14:83 spec.services.detect.autoscale.targetCPUUtilizationPercentage: expected an integer in 1..1000",
                "14:86 spec.services.detect.autoscale.targetInflight: unknown field 'targetInflight'",
                "16:18 spec.services.filter.autoscale.maxReplicas: required",
                "17:26 spec.services.pipeline.replicas: expected an integer in 1..1000",
            ];
        var actual = problems.Select(p => $"{p.Location.Line}:{p.Location.Column} {p.Path}: {p.Message}").ToList();
        Assert.Equal(expected.Length, actual.Count);
        Assert.All(expected.Zip(actual), pair => Assert.StartsWith(pair.First, pair.Second, StringComparison.Ordinal));
    }
}

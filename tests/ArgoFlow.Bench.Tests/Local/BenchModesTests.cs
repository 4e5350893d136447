using ArgoFlow.Bench.Local;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Bench.Tests.Local;

public sealed class BenchModesTests
{
    [Fact]
    public void Modes_are_parsed_in_the_given_order() =>
        Assert.Equal(["inproc", "warm"], BenchModes.Parse(" inproc, warm "));

    [Theory]
    [InlineData("warm,hot", "unknown mode 'hot'")]
    [InlineData("warm,warm", "'warm' is listed twice")]
    [InlineData(",", "at least one mode")]
    public void Bad_mode_lists_are_usage_errors_naming_the_problem(string text, string message)
    {
        var error = Assert.Throws<ArgoFlowException>(() => BenchModes.Parse(text));
        Assert.Equal(ExitCode.Usage, error.ExitCode);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_service_is_a_usage_error()
    {
        var error = Assert.Throws<ArgoFlowException>(() => BenchSpecs.Service("sharpen"));
        Assert.Equal(ExitCode.Usage, error.ExitCode);
    }

    [Theory]
    [InlineData("resize")]
    [InlineData("detect")]
    [InlineData("filter")]
    public void Service_benchmark_is_a_one_step_pipeline_of_that_service(string service)
    {
        var spec = BenchSpecs.Service(service);
        Assert.Equal(service, Assert.Single(spec.Steps).Type.Name);
    }

    [Fact]
    public void Default_pipeline_is_resize_detect_filter_reading_the_input_parameter()
    {
        var spec = BenchSpecs.Pipeline();
        Assert.Equal(["resize", "detect", "filter"], spec.Steps.Select(s => s.Type.Name));
        Assert.Contains(spec.Parameters, p => p.Name == "input");
    }

    [Fact]
    public void Committed_bench_pipeline_file_is_the_built_in_pipeline()
    {
        var file = ArgoFlow.Templates.Spec.PipelineSpecReader.ReadFile(
            Path.Combine(ArgoFlow.TestSupport.SharedData.RepoRoot, "benchmarks", "bench-pipeline.yaml"));
        var builtIn = BenchSpecs.Pipeline();
        Assert.Equal(builtIn.Name, file.Name);
        Assert.Equal(
            builtIn.Steps.Select(s => (s.Name, s.Type.Name, string.Join(",", s.With.Select(w => $"{w.Key}={w.Value}")))),
            file.Steps.Select(s => (s.Name, s.Type.Name, string.Join(",", s.With.Select(w => $"{w.Key}={w.Value}")))));
    }
}

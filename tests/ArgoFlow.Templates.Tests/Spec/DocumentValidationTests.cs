using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Templates.Tests.Spec;

/// <summary>Errors outside the steps: header, metadata, parameters, services, retry and timeouts.</summary>
public sealed class DocumentValidationTests
{
    private const string Steps = """
          steps:
            - name: a
              type: filter
              with: {operation: grayscale}
        """;

    [Fact]
    public void Wrong_api_version_and_kind_are_both_reported()
    {
        var problems = SpecAssert.Problems("""
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata: {name: x}
            spec:
              parameters: [{name: input}]
            """ + "\n" + Steps);

        Assert.Equal(
            ["1:13 apiVersion: expected 'argoflow.io/v1alpha1', found 'argoproj.io/v1alpha1'", "2:7 kind: expected 'Pipeline', found 'Workflow'"],
            problems.Select(p => $"{p.Location.Line}:{p.Location.Column} {p.Path}: {p.Message}"));
    }

    [Fact]
    public void Unknown_top_level_field_suggests_the_closest_field()
    {
        SpecAssert.Single(SpecText.With("""
              - name: a
                type: filter
                with: {operation: grayscale}
            """) + "metdata: {}\n", 13, 1, "metdata", "unknown field 'metdata'; did you mean 'metadata'?");
    }

    [Theory]
    [InlineData("My-Pipeline", "'My-Pipeline' is not a valid name")]
    [InlineData("a123456789b123456789c123456789d123456789e123456789f123456789g123", "is 64 characters; at most 63 allowed")]
    public void Invalid_pipeline_name_is_rejected(string name, string message)
    {
        SpecAssert.Single(SpecText.With("""
              - name: a
                type: filter
                with: {operation: grayscale}
            """).Replace("name: test", "name: " + name, StringComparison.Ordinal), 4, 9, "metadata.name", message);
    }

    [Fact]
    public void Missing_input_parameter_is_reported()
    {
        SpecAssert.Single("""
            apiVersion: argoflow.io/v1alpha1
            kind: Pipeline
            metadata: {name: x}
            spec:
              parameters: [{name: other}]
            """ + "\n" + Steps, 5, 15, "spec.parameters", "must declare the 'input' parameter");
    }

    [Fact]
    public void Duplicate_and_invalid_parameter_names_are_reported()
    {
        var problems = SpecAssert.Problems("""
            apiVersion: argoflow.io/v1alpha1
            kind: Pipeline
            metadata: {name: x}
            spec:
              parameters:
                - name: input
                - name: input
                - name: -bad
            """ + "\n" + Steps);

        Assert.Equal(
            ["7:13 spec.parameters[1].name: duplicate parameter 'input' (first declared at line 6)", "8:13 spec.parameters[2].name: '-bad' is not a valid name: use letters, digits, '_' and '-', not starting with '-'"],
            problems.Select(p => $"{p.Location.Line}:{p.Location.Column} {p.Path}: {p.Message}"));
    }

    [Fact]
    public void Bad_service_addresses_are_reported()
    {
        var problems = SpecAssert.Problems("""
            apiVersion: argoflow.io/v1alpha1
            kind: Pipeline
            metadata: {name: x}
            spec:
              parameters: [{name: input}]
              services:
                resize: {grpc: "resize:99999", http: "ftp://resize"}
                detekt: {grpc: "detect:9090"}
            """ + "\n" + Steps);

        Assert.Equal(
            [
                "7:20 spec.services.resize.grpc: expected host:port, https://host:port for TLS or dns:///host:port",
                "7:42 spec.services.resize.http: expected an http:// or https:// base URL",
                "8:5 spec.services.detekt: unknown field 'detekt'; did you mean 'detect'?",
            ],
            problems.Select(p => $"{p.Location.Line}:{p.Location.Column} {p.Path}: {p.Message.Split(" (")[0]}"));
    }

    [Fact]
    public void Default_service_applies_to_every_type_not_given_its_own()
    {
        var spec = PipelineSpecReader.Read("""
            apiVersion: argoflow.io/v1alpha1
            kind: Pipeline
            metadata: {name: x, namespace: media}
            spec:
              parameters: [{name: input}]
              services:
                default: {grpc: "argoflow:9090", http: "http://argoflow:8080/"}
                detect: {grpc: "gpu:9090"}
            """ + "\n" + Steps, "spec.yaml");

        Assert.Equal(new ServiceEndpoint("argoflow:9090", "http://argoflow:8080"), spec.Services.For("resize"));
        Assert.Equal(new ServiceEndpoint("gpu:9090", "http://argoflow:8080"), spec.Services.For("detect"));
    }

    [Fact]
    public void Retry_with_a_fractional_factor_and_a_cap_below_the_backoff_is_rejected()
    {
        var problems = SpecAssert.Problems("""
            apiVersion: argoflow.io/v1alpha1
            kind: Pipeline
            metadata: {name: x}
            spec:
              parameters: [{name: input}]
              retry: {limit: 2, backoff: 10s, factor: 1.5, maxBackoff: 2s}
              timeoutSeconds: 0
            """ + "\n" + Steps);

        Assert.Equal(
            [
                "6:43 spec.retry.factor: expected an integer in 1..10, found a number '1.5'",
                "6:60 spec.retry.maxBackoff: 2s is shorter than backoff 10s",
                "7:19 spec.timeoutSeconds: expected an integer in 1..86400, found a number '0'",
            ],
            problems.Select(p => $"{p.Location.Line}:{p.Location.Column} {p.Path}: {p.Message}"));
    }

    [Fact]
    public void Step_retry_overrides_only_the_fields_it_gives()
    {
        var spec = PipelineSpecReader.Read("""
            apiVersion: argoflow.io/v1alpha1
            kind: Pipeline
            metadata: {name: x}
            spec:
              parameters: [{name: input}]
              retry: {limit: 2, backoff: 500ms, factor: 3, maxBackoff: 1m}
              steps:
                - name: a
                  type: filter
                  retry: {limit: 0}
                  with: {operation: grayscale}
            """, "spec.yaml");

        Assert.Equal(new RetryPolicy(0, TimeSpan.FromMilliseconds(500), 3, TimeSpan.FromMinutes(1)), spec.Steps[0].Retry);
    }

    [Fact]
    public void Spec_without_steps_is_rejected()
    {
        SpecAssert.Single("""
            apiVersion: argoflow.io/v1alpha1
            kind: Pipeline
            metadata: {name: x}
            spec:
              parameters: [{name: input}]
              steps: []
            """, 6, 10, "spec.steps", "needs at least one step");
    }
}

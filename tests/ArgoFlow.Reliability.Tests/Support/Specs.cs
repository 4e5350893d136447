using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Reliability.Tests.Support;

/// <summary>Small pipelines for the fault tests: resize then grayscale (no model needed, so a restart is quick).</summary>
internal static class Specs
{
    public static PipelineSpec ResizeThenGray(int retryLimit, string backoff = "200ms", string maxBackoff = "1s", int timeoutSeconds = 20) =>
        PipelineSpecReader.Read(ResizeThenGrayText(retryLimit, backoff, maxBackoff, timeoutSeconds), "faults.yaml");

    public static string ResizeThenGrayText(int retryLimit, string backoff, string maxBackoff, int timeoutSeconds) =>
            $$"""
            apiVersion: argoflow.io/v1alpha1
            kind: Pipeline
            metadata: {name: faults}
            spec:
              parameters:
                - name: input
                  value: in/0.jpg
              timeoutSeconds: {{timeoutSeconds}}
              retry: {limit: {{retryLimit}}, backoff: {{backoff}}, factor: 2, maxBackoff: {{maxBackoff}}}
              steps:
                - name: resize
                  type: resize
                  with: {width: 320, height: 240}
                - name: gray
                  type: filter
                  with: {operation: grayscale}
            """;
}

using System.Text.Json;
using ArgoFlow.Core.Errors;
using ArgoFlow.Templates.Generation;
using ArgoFlow.Templates.Spec;
using ArgoFlow.Templates.Tests.Schema;

namespace ArgoFlow.Templates.Tests.Generation;

/// <summary>`argoflow generate --tls-secret NAME [--tls-ca-key KEY]`: gRPC over TLS in every generated document.</summary>
public sealed class TlsGenerationTests
{
    private const string Secret = "argoflow-tls";

    [Theory]
    [InlineData(GenerationMode.Http, false)]
    [InlineData(GenerationMode.Plugin, false)]
    [InlineData(GenerationMode.Container, false)]
    [InlineData(GenerationMode.Http, true)]
    [InlineData(GenerationMode.Plugin, true)]
    public void Every_document_still_matches_the_schemas(GenerationMode mode, bool fused)
    {
        var files = PipelineGenerator.Generate(SampleOutput.Specs(), new GeneratorOptions(mode, fused, TlsSecret: Secret));

        foreach (var document in files.Where(f => f.Path != PipelineGenerator.KustomizationFile).SelectMany(f => YamlJson.Documents(f.Content)))
        {
            var kind = document.GetProperty("kind").GetString();
            if (kind == "WorkflowTemplate")
            {
                var errors = ArgoSchema.Validate(ArgoSchema.WorkflowTemplate, document);
                Assert.True(errors.Count == 0, string.Join("\n", errors));
            }

            if (kind == "Deployment")
            {
                var pod = document.GetProperty("spec").GetProperty("template").GetProperty("spec");
                foreach (var volume in pod.GetProperty("volumes").EnumerateArray())
                {
                    Assert.Empty(ArgoSchema.Validate("io.k8s.api.core.v1.Volume", volume));
                }

                foreach (var container in pod.GetProperty("containers").EnumerateArray())
                {
                    Assert.Empty(ArgoSchema.Validate(ArgoSchema.Container, container));
                }
            }
        }
    }

    [Fact]
    public void Services_mount_the_secret_serve_tls_and_are_probed_over_plain_http()
    {
        var files = Generate(GenerationMode.Plugin);

        var text = files.Single(f => f.Path == "services/argo/argoflow-detect.yaml").Content;
        var documents = YamlJson.Documents(text);
        var pod = documents[0].GetProperty("spec").GetProperty("template").GetProperty("spec");
        var container = pod.GetProperty("containers")[0];
        var env = container.GetProperty("env").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("value").GetString());
        Assert.Equal("/etc/argoflow/tls/tls.crt", env["ARGOFLOW_TLS_CERT"]);
        Assert.Equal("/etc/argoflow/tls/tls.key", env["ARGOFLOW_TLS_KEY"]);
        foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
        {
            var check = container.GetProperty(probe);
            Assert.False(check.TryGetProperty("grpc", out _), probe + " must not be a gRPC probe: kubelet's cannot speak TLS");
            Assert.Equal("/healthz", check.GetProperty("httpGet").GetProperty("path").GetString());
            Assert.Equal("http", check.GetProperty("httpGet").GetProperty("port").GetString());
        }

        var secret = pod.GetProperty("volumes").EnumerateArray().Single(v => v.TryGetProperty("secret", out _)).GetProperty("secret");
        Assert.Equal(Secret, secret.GetProperty("secretName").GetString());
        Assert.Equal(["tls.crt", "tls.key"], secret.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()));
        Assert.Contains(container.GetProperty("volumeMounts").EnumerateArray(), m => m.GetProperty("name").GetString() == "tls" && m.GetProperty("readOnly").GetBoolean());
        // The gRPC port is TLS now, not h2c.
        var grpcPort = documents[1].GetProperty("spec").GetProperty("ports").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "grpc");
        Assert.False(grpcPort.TryGetProperty("appProtocol", out _));
    }

    [Fact]
    public void Plugin_steps_call_https_and_the_sidecar_trusts_the_ca_from_the_secret_without_volumes()
    {
        var files = Generate(GenerationMode.Plugin, caKey: "tls.crt");

        var template = files.Single(f => f.Path == "classic/workflowtemplate.yaml").Content;
        Assert.Contains("endpoint: https://argoflow-resize-headless.argo.svc.cluster.local:9090", template, StringComparison.Ordinal);
        Assert.DoesNotContain("endpoint: argoflow-", template, StringComparison.Ordinal);
        var configMap = YamlJson.Documents(files.Single(f => f.Path == "services/argo/executor-plugin.yaml").Content)[0];
        var sidecar = YamlJson.Documents(configMap.GetProperty("data").GetProperty("sidecar.container").GetString()!)[0];
        Assert.False(sidecar.TryGetProperty("volumeMounts", out _));
        var ca = sidecar.GetProperty("env").EnumerateArray().Single();
        Assert.Equal("ARGOFLOW_CA_PEM", ca.GetProperty("name").GetString());
        Assert.Equal(Secret, ca.GetProperty("valueFrom").GetProperty("secretKeyRef").GetProperty("name").GetString());
        Assert.Equal("tls.crt", ca.GetProperty("valueFrom").GetProperty("secretKeyRef").GetProperty("key").GetString());
    }

    [Fact]
    public void Container_steps_mount_only_the_ca_certificate_never_the_key()
    {
        var template = YamlJson.Documents(Generate(GenerationMode.Container).Single(f => f.Path == "classic/workflowtemplate.yaml").Content)[0];

        foreach (var step in template.GetProperty("spec").GetProperty("templates").EnumerateArray().Where(t => t.TryGetProperty("container", out _)))
        {
            var args = step.GetProperty("container").GetProperty("args").EnumerateArray().Select(a => a.GetString()).ToList();
            Assert.StartsWith("https://", args[args.IndexOf("--target") + 1], StringComparison.Ordinal);
            var items = step.GetProperty("volumes").EnumerateArray().Single().GetProperty("secret").GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(("ca.crt", "ca.crt"), (items.Single().GetProperty("key").GetString(), items.Single().GetProperty("path").GetString()));
            var env = step.GetProperty("container").GetProperty("env").EnumerateArray().Single();
            Assert.Equal(("ARGOFLOW_CA_FILE", "/etc/argoflow/ca/ca.crt"), (env.GetProperty("name").GetString(), env.GetProperty("value").GetString()));
        }
    }

    [Fact]
    public void Addresses_the_spec_gives_stay_as_written_and_only_generated_services_turn_https()
    {
        var spec = PipelineSpecReader.Read("""
            apiVersion: argoflow.io/v1alpha1
            kind: Pipeline
            metadata: {name: mixed}
            spec:
              parameters: [{name: input}]
              services:
                detect: {grpc: "gpu-detect.ml.svc:9443"}
                filter: {grpc: "https://filter.example.com:443"}
              steps:
                - {name: resize, type: resize, with: {width: 64}}
                - {name: detect, type: detect}
                - {name: filter, type: filter, with: {operation: grayscale}}
            """, "mixed.yaml");

        var files = PipelineGenerator.Generate([spec], new GeneratorOptions(GenerationMode.Plugin, TlsSecret: Secret));

        var template = files.Single(f => f.Path == "mixed/workflowtemplate.yaml").Content;
        Assert.Contains("endpoint: https://argoflow-resize-headless.argo.svc.cluster.local:9090", template, StringComparison.Ordinal);
        Assert.Contains("endpoint: gpu-detect.ml.svc:9443", template, StringComparison.Ordinal);
        Assert.Contains("endpoint: https://filter.example.com:443", template, StringComparison.Ordinal);
        // Only resize is reached at the generated address, so only it gets a Deployment.
        Assert.Equal(["services/argo/argoflow-resize.yaml"], files.Select(f => f.Path).Where(p => p.Contains("/argoflow-", StringComparison.Ordinal)));
    }

    [Fact]
    public void Without_tls_nothing_changes()
    {
        var plain = PipelineGenerator.Generate(SampleOutput.Specs(), new GeneratorOptions(GenerationMode.Plugin));

        Assert.DoesNotContain(plain, f => f.Content.Contains("https://", StringComparison.Ordinal) || f.Content.Contains("ARGOFLOW_CA", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Argoflow_TLS", "ca.crt", "--tls-secret")]
    [InlineData("argoflow-tls", "ca crt", "--tls-ca-key")]
    [InlineData("argoflow-tls", "", "--tls-ca-key")]
    public void A_bad_secret_name_or_key_is_a_usage_error_naming_the_flag(string secret, string key, string flag)
    {
        var ex = Assert.Throws<ArgoFlowException>(() => PipelineGenerator.Generate(SampleOutput.Specs(), new GeneratorOptions(TlsSecret: secret, TlsCaKey: key)));

        Assert.Equal(ExitCode.Usage, ex.ExitCode);
        Assert.StartsWith(flag + ":", ex.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<GeneratedFile> Generate(GenerationMode mode, string caKey = GeneratorOptions.DefaultTlsCaKey) =>
        PipelineGenerator.Generate(SampleOutput.Specs(), new GeneratorOptions(mode, TlsSecret: Secret, TlsCaKey: caKey));
}

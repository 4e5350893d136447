using System.Text.RegularExpressions;
using ArgoFlow.Reliability.Tests.Support;
using ArgoFlow.TestSupport;
using YamlDotNet.RepresentationModel;

namespace ArgoFlow.Reliability.Tests.Security;

/// <summary>
/// Every committed generated manifest (samples/generated/**): containers locked down to the "restricted" Pod
/// Security Standard, no credential values anywhere, and the optional NetworkPolicy admitting only Argo's pods and
/// ArgoFlow clients to the services.
/// </summary>
public sealed partial class GeneratedManifestSecurityTests
{
    private static IEnumerable<(string File, YamlMappingNode Document)> Documents(string root) =>
        Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).SelectMany(file =>
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(file)));
            return stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().Select(node => (file, node));
        });

    private static string GeneratedRoot => Path.Combine(SharedData.RepoRoot, "samples", "generated");

    [Fact]
    public void Every_generated_container_runs_non_root_read_only_without_escalation_or_capabilities()
    {
        var containers = 0;
        var deployments = 0;
        foreach (var (file, document) in Documents(GeneratedRoot))
        {
            foreach (var node in Containers(document))
            {
                containers++;
                var where = $"{Path.GetRelativePath(GeneratedRoot, file)} container {Scalar(node, "name")}";
                var security = Assert.IsType<YamlMappingNode>(node.Children[new YamlScalarNode("securityContext")]);
                Assert.True(Scalar(security, "allowPrivilegeEscalation") == "false", where);
                Assert.True(Scalar(security, "readOnlyRootFilesystem") == "true", where);
                Assert.True(Scalar(security, "runAsNonRoot") == "true", where);
                Assert.True(Scalar(Child(security, "seccompProfile"), "type") == "RuntimeDefault", where);
                var drop = Assert.IsType<YamlSequenceNode>(Child(Child(security, "capabilities"), "drop")).Children.Select(c => c.ToString());
                Assert.True(drop.Contains("ALL"), where);
                Assert.False(Child(Child(security, "capabilities"), "add") is YamlSequenceNode { Children.Count: > 0 }, where);
            }

            if (Scalar(document, "kind") == "Deployment")
            {
                deployments++;
                var pod = Child(Child(Child(document, "spec"), "template"), "spec");
                Assert.True(Scalar(Child(pod, "securityContext"), "runAsNonRoot") == "true", file);
                Assert.True(Scalar(Child(Child(pod, "securityContext"), "seccompProfile"), "type") == "RuntimeDefault", file);
                Assert.NotEqual("true", Scalar(pod, "hostNetwork"));
                Assert.NotEqual("true", Scalar(pod, "hostPID"));
            }
        }

        Assert.True(deployments >= 10, $"only {deployments} Deployments found");
        Assert.True(containers > deployments);
    }

    [Fact]
    public void No_generated_file_carries_a_credential_value()
    {
        foreach (var file in Directory.EnumerateFiles(GeneratedRoot, "*.yaml", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.False(AwsKeyId().IsMatch(text), $"{file} holds something shaped like an AWS access key id");
            Assert.DoesNotContain("minioadmin", text, StringComparison.OrdinalIgnoreCase);
        }

        foreach (var (file, document) in Documents(GeneratedRoot))
        {
            // A Secret may be declared (e.g. a service-account token Kubernetes fills in), never filled by us.
            if (Scalar(document, "kind") == "Secret")
            {
                Assert.Null(Child(document, "data"));
                Assert.Null(Child(document, "stringData"));
            }

            foreach (var env in Walk(document).OfType<YamlMappingNode>().Where(m => m.Children.ContainsKey(new YamlScalarNode("name")) && m.Children.ContainsKey(new YamlScalarNode("value"))))
            {
                Assert.False(SecretName().IsMatch(Scalar(env, "name") ?? string.Empty), $"{file}: env {Scalar(env, "name")} has a literal value; use valueFrom.secretKeyRef");
            }
        }
    }

    [Fact]
    public async Task Network_policy_admits_only_workflow_pods_argoflow_pods_and_labelled_clients_to_the_service_ports()
    {
        using var output = new TempDirectory("argoflow-rel-netpol");
        await using var generate = ChildProcess.Start(["generate", "-f", Path.Combine(SharedData.RepoRoot, "samples", "pipelines", "privacy.yaml"), "--output-dir", output.Path, "--network-policy"]);
        Assert.Equal(0, await generate.WaitForExitAsync(TimeSpan.FromMinutes(1)));

        var policies = Documents(output.Path).Where(d => Scalar(d.Document, "kind") == "NetworkPolicy").ToList();
        var (_, policy) = Assert.Single(policies);
        var spec = Child(policy, "spec");
        Assert.Equal(["Ingress"], Assert.IsType<YamlSequenceNode>(Child(spec, "policyTypes")).Children.Select(c => c.ToString()));
        var selector = Assert.IsType<YamlMappingNode>(Child(Child(spec, "podSelector"), "matchLabels"));
        var rule = Assert.Single(Assert.IsType<YamlSequenceNode>(Child(spec, "ingress")).Children.Cast<YamlMappingNode>());
        var peers = Assert.IsType<YamlSequenceNode>(Child(rule, "from")).Children.Cast<YamlMappingNode>().ToList();
        Assert.Equal(3, peers.Count);
        Assert.All(peers, peer => Assert.Equal(["podSelector"], peer.Children.Keys.Select(k => k.ToString())));
        Assert.Equal(["8080", "9090"], Assert.IsType<YamlSequenceNode>(Child(rule, "ports")).Children.Cast<YamlMappingNode>().Select(p => Scalar(p, "port")!).Order(StringComparer.Ordinal));

        // Every generated service Deployment's pods carry the labels the policy selects, so none is left open.
        var deployments = Documents(output.Path).Where(d => Scalar(d.Document, "kind") == "Deployment").ToList();
        Assert.NotEmpty(deployments);
        foreach (var (file, deployment) in deployments)
        {
            var labels = Assert.IsType<YamlMappingNode>(Child(Child(Child(Child(deployment, "spec"), "template"), "metadata"), "labels"));
            Assert.All(selector.Children, pair => Assert.True(Scalar(labels, pair.Key.ToString()) == pair.Value.ToString(), $"{file} lacks {pair.Key}"));
        }
    }

    private static IEnumerable<YamlMappingNode> Containers(YamlNode root) =>
        Walk(root).OfType<YamlMappingNode>().Where(m => m.Children.ContainsKey(new YamlScalarNode("image")) && m.Children.ContainsKey(new YamlScalarNode("name")));

    private static IEnumerable<YamlNode> Walk(YamlNode node)
    {
        yield return node;
        var children = node switch
        {
            YamlMappingNode map => map.Children.Values,
            YamlSequenceNode seq => seq.Children,
            _ => (IEnumerable<YamlNode>)[],
        };
        foreach (var child in children.SelectMany(Walk))
        {
            yield return child;
        }

        // ConfigMaps (the executor plugin) hold manifests as text: walk those too.
        if (node is YamlScalarNode { Value: { } text } && text.Contains("image:", StringComparison.Ordinal) && text.Contains('\n', StringComparison.Ordinal))
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            foreach (var inner in stream.Documents.SelectMany(d => Walk(d.RootNode)))
            {
                yield return inner;
            }
        }
    }

    private static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlNode? node, string key) => (Child(node, key) as YamlScalarNode)?.Value;

    [GeneratedRegex("(AKIA|ASIA)[0-9A-Z]{16}")]
    private static partial Regex AwsKeyId();

    [GeneratedRegex("SECRET|PASSWORD|TOKEN|ACCESS_KEY|CREDENTIAL", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}

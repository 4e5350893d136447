using ArgoFlow.Core.Errors;
using ArgoFlow.Steps.Plugin;

namespace ArgoFlow.Steps.Tests.Plugin;

public sealed class EndpointAllowListTests
{
    [Theory]
    [InlineData("argoflow-resize.argo.svc.cluster.local:9090", true)]
    [InlineData("https://argoflow-detect.images.svc.cluster.local:9090", true)]
    [InlineData("ARGOFLOW-FILTER.ARGO.SVC.CLUSTER.LOCAL:9090", true)]
    [InlineData("127.0.0.1:9090", true)]
    [InlineData("[::1]:9090", true)]
    [InlineData("evil.example.com:9090", false)]
    [InlineData("argoflow-x.svc.cluster.local.evil.com:9090", false)]
    [InlineData("10.0.0.5:9090", false)]
    [InlineData("169.254.169.254:8080", false)]
    [InlineData("dns:///argoflow-resize-headless.argo.svc.cluster.local:9090", true)]
    [InlineData("127.0.0.1:9091,127.0.0.1:9092", true)]
    [InlineData("127.0.0.1:9091,10.0.0.5:9090", false)]
    public void Defaults_allow_the_generated_service_names_and_loopback_only(string endpoint, bool allowed)
    {
        var list = new EndpointAllowList(EndpointAllowList.Defaults);

        Assert.Equal(allowed, list.Refusal(endpoint) is null);
    }

    [Theory]
    [InlineData("argoflow-resize.argo.svc.cluster.local:9090", "argoflow-resize.argo.svc.cluster.local:9090", true)]
    [InlineData("argoflow-resize.argo.svc.cluster.local:9090", "argoflow-resize.argo.svc.cluster.local:9091", false)]
    [InlineData("https://argoflow-resize.argo.svc.cluster.local:9090", "argoflow-resize.argo.svc.cluster.local:9090", true)]
    [InlineData("10.0.0.*:9090", "10.0.0.5:9090", true)]
    [InlineData("10.0.0.*:9090", "10.0.0.5:9091", false)]
    [InlineData("gpu-node", "gpu-node:1234", true)]
    [InlineData("*", "anything.example.com:1", true)]
    [InlineData("*", "[2001:db8::1]:9090", true)]
    [InlineData("*:9090", "host:9091", false)]
    public void Patterns_match_host_and_port_with_star_for_any_run_but_a_colon(string pattern, string endpoint, bool allowed) =>
        Assert.Equal(allowed, new EndpointAllowList([pattern]).Refusal(endpoint) is null);

    [Theory]
    [InlineData("")]
    [InlineData("host:9090/path")]
    [InlineData("two words:1")]
    public void Malformed_patterns_are_usage_errors(string pattern)
    {
        var ex = Assert.Throws<ArgoFlowException>(() => EndpointAllowList.Validate(pattern));

        Assert.Equal(ExitCode.Usage, ex.ExitCode);
    }
}

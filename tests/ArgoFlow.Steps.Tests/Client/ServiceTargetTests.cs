using ArgoFlow.Core.Errors;
using ArgoFlow.Steps.Client.Balancing;

namespace ArgoFlow.Steps.Tests.Client;

public sealed class ServiceTargetTests
{
    [Fact]
    public void A_name_is_resolved_through_dns_and_an_ip_is_used_as_is()
    {
        var name = ServiceTarget.Parse("argoflow-resize-headless.argo.svc.cluster.local:9090");
        var ip = ServiceTarget.Parse("10.0.0.5:9090");

        Assert.Equal("dns:///argoflow-resize-headless.argo.svc.cluster.local:9090", name.ChannelAddress.ToString());
        Assert.Null(ip.DnsHost);
        Assert.Equal("10.0.0.5", Assert.Single(ip.Endpoints).Host);
        Assert.False(name.Secure);
    }

    [Fact]
    public void Https_and_explicit_dns_forms_are_understood()
    {
        var tls = ServiceTarget.Parse("https://argoflow-detect.media.svc.cluster.local:9090");
        var dns = ServiceTarget.Parse("dns:///argoflow-detect.media.svc.cluster.local:9090");

        Assert.True(tls.Secure);
        Assert.Equal("argoflow-detect.media.svc.cluster.local", tls.DnsHost);
        Assert.Equal(dns.ChannelAddress, tls.ChannelAddress);
    }

    [Fact]
    public void A_comma_separated_list_is_a_static_set_of_replicas()
    {
        var target = ServiceTarget.Parse("127.0.0.1:9091, 127.0.0.1:9092,[::1]:9093");

        Assert.Null(target.DnsHost);
        Assert.Equal(["127.0.0.1:9091", "127.0.0.1:9092", "::1:9093"], target.Endpoints.Select(e => $"{e.Host}:{e.Port}"));
    }

    [Theory]
    [InlineData("127.0.0.1:9091,https://127.0.0.1:9092", "mixes https://")]
    [InlineData("127.0.0.1:9091,localhost", "'localhost' in")]
    [InlineData("127.0.0.1:9091,dns:///a:1", "'dns:///a:1' in")]
    [InlineData("dns:///nohost", "is not a service address")]
    [InlineData("127.0.0.1:9091,", "'' in")]
    [InlineData("http://user:pw@127.0.0.1:9090", "is not a service address")]
    public void A_bad_list_or_form_is_a_usage_error_naming_the_part(string target, string expected)
    {
        var ex = Assert.ThrowsAny<ArgoFlowException>(() => ServiceTarget.Parse(target));

        Assert.Equal(ExitCode.Usage, ex.ExitCode);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("metadata.example.com:80", 80)]
    [InlineData("10.0.0.5:443", 443)]
    [InlineData("https://host.example.com", 443)]
    public void A_written_port_counts_even_when_it_is_the_schemes_default(string target, int port) =>
        Assert.Equal(port, Assert.Single(ServiceTarget.Parse(target).Endpoints).Port);

    [Theory]
    [InlineData("http://user:s3cret@host:9090")]
    [InlineData("host:9090#fragment")]
    public void User_information_and_fragments_are_refused_without_echoing_a_secret(string target)
    {
        var ex = Assert.ThrowsAny<ArgoFlowException>(() => ServiceTarget.Parse(target));

        Assert.Equal(ExitCode.Usage, ex.ExitCode);
        Assert.DoesNotContain("s3cret", ex.Message, StringComparison.Ordinal);
    }
}

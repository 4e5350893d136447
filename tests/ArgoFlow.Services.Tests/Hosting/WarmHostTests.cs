using ArgoFlow.Contracts.V1;
using ArgoFlow.Services.Tests.Support;
using Grpc.Health.V1;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace ArgoFlow.Services.Tests.Hosting;

public sealed class WarmHostTests
{
    [Fact]
    public async Task Host_on_port_zero_reports_bound_loopback_ports_and_serves_resize_over_grpc()
    {
        await using var test = await TestHost.StartAsync();
        Assert.StartsWith("127.0.0.1:", test.Host.GrpcAddress, StringComparison.Ordinal);
        Assert.NotEqual("127.0.0.1:0", test.Host.GrpcAddress);
        Assert.NotNull(test.Host.HttpBaseUrl);
        Assert.NotEqual(0, test.Host.HttpBaseUrl!.Port);

        var client = new ResizeService.ResizeServiceClient(test.Channel);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var response = await client.ResizeAsync(new ResizeRequest { Input = "in/1.jpg", Width = 320 });

        Assert.Equal(320, response.Width);
        Assert.Equal(240, response.Height);
        Assert.True(File.Exists(new Uri(response.Output).LocalPath));
        response.Timing.AssertConsistent(clock.Elapsed, "decode,encode");
    }

    [Fact]
    public async Task Health_reports_serving_for_every_hosted_service_after_warm_up()
    {
        await using var test = await TestHost.StartAsync();
        var health = new Health.HealthClient(test.Channel);
        foreach (var service in new[] { "", "argoflow.v1.ResizeService", "argoflow.v1.DetectService", "argoflow.v1.FilterService" })
        {
            var reply = await health.CheckAsync(new HealthCheckRequest { Service = service });
            Assert.Equal(ServingStatus.Serving, reply.Status);
        }
    }

    [Fact]
    public async Task Port_already_in_use_is_an_unavailable_error_not_a_crash()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;

        var ex = await Assert.ThrowsAsync<ArgoFlow.Core.Errors.ArgoFlowException>(() =>
            TestHost.StartAsync(o => o.GrpcPort = port));

        Assert.Equal(ArgoFlow.Core.Errors.ExitCode.Unavailable, ex.ExitCode);
        Assert.Contains("cannot listen", ex.Message, StringComparison.Ordinal);
    }
}

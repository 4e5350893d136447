using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ArgoFlow.Contracts.V1;
using ArgoFlow.Core.Errors;
using ArgoFlow.Services.Detect;
using ArgoFlow.Services.Hosting;
using ArgoFlow.Services.Tests.Support;
using ArgoFlow.TestSupport;
using ArgoFlow.TestSupport.Waits;
using Grpc.Net.Client;

namespace ArgoFlow.Services.Tests.Hosting;

public sealed class TransportAndStoreTests : IClassFixture<HostFixture>, IClassFixture<S3ServerFixture>
{
    private readonly TestHost _host;
    private readonly S3Server _s3;

    public TransportAndStoreTests(HostFixture host, S3ServerFixture s3)
    {
        _host = host.Host;
        _s3 = s3.Server;
    }

    [Fact]
    public async Task Http_json_routes_take_the_request_as_camel_case_body_and_return_the_response_json()
    {
        using var response = await _host.Http.PostAsJsonAsync(new Uri("/v1/resize", UriKind.Relative),
            new { input = "in/4.jpg", width = 320, height = 320, fit = "fill", format = "webp" });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(320, body.GetProperty("width").GetInt32());
        Assert.EndsWith(".webp", body.GetProperty("output").GetString(), StringComparison.Ordinal);
        Assert.True(body.GetProperty("timing").GetProperty("totalMs").GetDouble() > 0);
    }

    [Fact]
    public async Task Http_json_detect_and_errors_use_http_status_codes()
    {
        using var detect = await _host.Http.PostAsJsonAsync(new Uri("/v1/detect", UriKind.Relative), new { input = "in/3.jpg", classes = new[] { "person" } });
        using var missing = await _host.Http.PostAsJsonAsync(new Uri("/v1/filter", UriKind.Relative), new { input = "in/none.jpg", operation = "grayscale" });
        using var invalid = await _host.Http.PostAsJsonAsync(new Uri("/v1/filter", UriKind.Relative), new { input = "in/0.jpg", operation = "melt" });
        var detections = (await detect.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detections");

        Assert.Equal(4, detections.GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("operation: 'melt' is not one of", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_expose_stage_histograms_and_calls_by_code()
    {
        await new ResizeService.ResizeServiceClient(_host.Channel).ResizeAsync(new ResizeRequest { Input = "in/0.jpg", MaxSide = 50 });

        var metrics = await _host.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Contains("argoflow_stage_seconds_bucket{service=\"resize\",stage=\"decode\"", metrics, StringComparison.Ordinal);
        Assert.Contains("argoflow_calls_total{service=\"resize\",code=\"OK\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("argoflow_calls_in_flight", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Services_read_and_write_through_an_s3_store()
    {
        var options = TestHost.Options("s3://images/pipeline");
        options.S3 = new() { Endpoint = _s3.Endpoint, AccessKey = "S3RVER", SecretKey = "S3RVER" };
        options.Services = ["resize", "detect"];
        await using var host = await WarmHost.StartAsync(options, null, null, CancellationToken.None);
        await host.WaitUntilServingAsync(CancellationToken.None).WithinAsync("the warm host to report SERVING (every service warmed up)");
        using var channel = GrpcChannel.ForAddress(host.GrpcUri);
        var store = host.Services.GetService(typeof(ArgoFlow.Services.Storage.IImageStore)) as ArgoFlow.Services.Storage.IImageStore;
        await store!.WriteAsync(store.Resolve("in/1.jpg", "output"), File.ReadAllBytes(SharedData.Image("1.jpg")), "image/jpeg", CancellationToken.None);

        var resized = await new ResizeService.ResizeServiceClient(channel).ResizeAsync(new ResizeRequest { Input = "in/1.jpg", Width = 320 });
        var detected = await new DetectService.DetectServiceClient(channel).DetectAsync(new DetectRequest { Input = resized.Output, WriteDetections = true });

        Assert.StartsWith("s3://images/pipeline/in/1.resize-", resized.Output, StringComparison.Ordinal);
        Assert.Equal("bus", Assert.Single(detected.Detections).ClassName);
        Assert.StartsWith("s3://images/pipeline/in/1.resize-", detected.DetectionsUri, StringComparison.Ordinal);
        Assert.EndsWith(".json", detected.DetectionsUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_options_are_refused_with_every_problem_listed()
    {
        var options = new WarmHostOptions
        {
            Services = ["resize", "blur"],
            GrpcPort = 70000,
            Store = "s3://",
            Models = [new ModelOptions { Path = "/nope/model.onnx" }],
            MaxConcurrency = 0,
        };

        var ex = await Assert.ThrowsAsync<ArgoFlowException>(() => WarmHost.StartAsync(options, null, null, CancellationToken.None));

        Assert.Equal(ExitCode.InvalidInput, ex.ExitCode);
        Assert.Contains("services: unknown service 'blur'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("grpcPort: must be in 0..65535, got 70000", ex.Message, StringComparison.Ordinal);
        Assert.Contains("store: an s3:// store needs a bucket", ex.Message, StringComparison.Ordinal);
        Assert.Contains("maxConcurrency", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unloadable_model_fails_warm_up_and_detect_stays_not_serving()
    {
        using var dir = new TempDirectory("argoflow-badmodel");
        File.WriteAllText(dir.Combine("broken.onnx"), "not a model");
        var options = TestHost.Options(dir.Path);
        options.Models = [new ModelOptions { Path = dir.Combine("broken.onnx") }];
        await using var host = await WarmHost.StartAsync(options, null, null, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => host.WaitUntilServingAsync(CancellationToken.None));
        using var channel = GrpcChannel.ForAddress(host.GrpcUri);
        var health = await new global::Grpc.Health.V1.Health.HealthClient(channel).CheckAsync(new global::Grpc.Health.V1.HealthCheckRequest { Service = "argoflow.v1.DetectService" });

        Assert.Contains("detect failed to warm up", ex.Message, StringComparison.Ordinal);
        Assert.Equal(global::Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.NotServing, health.Status);
    }
}

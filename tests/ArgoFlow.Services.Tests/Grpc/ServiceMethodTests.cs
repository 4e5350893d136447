using ArgoFlow.Contracts.V1;
using ArgoFlow.Services.Errors;
using ArgoFlow.Services.Grpc;
using ArgoFlow.Services.Hosting;
using ArgoFlow.Services.Imaging;
using ArgoFlow.Services.Storage;
using ArgoFlow.Services.Tests.Support;
using ArgoFlow.TestSupport;

namespace ArgoFlow.Services.Tests.Grpc;

/// <summary>The thin service classes called directly with a fake call context: validation and delegation only.</summary>
public sealed class ServiceMethodTests : IDisposable
{
    private readonly TempDirectory _root = new("argoflow-method");
    private readonly ResizeGrpcService _resize;

    public ServiceMethodTests()
    {
        File.Copy(SharedData.Image("3.jpg"), _root.Combine("3.jpg"));
        var io = new StepIo(new LocalDirectoryStore(_root.Path), new ImageLimits(), TimeProvider.System);
        _resize = new ResizeGrpcService(io, new WarmHostOptions { Instance = "unit" });
    }

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task Resize_fills_the_response_from_the_pure_resizer_and_the_store()
    {
        var response = await _resize.Resize(new ResizeRequest { Input = "3.jpg", MaxSide = 250 }, new FakeCallContext("/argoflow.v1.ResizeService/Resize"));

        Assert.Equal((250, 168, 500, 335, "unit"), (response.Width, response.Height, response.SourceWidth, response.SourceHeight, response.Instance));
        Assert.Equal(new FileInfo(new Uri(response.Output).LocalPath).Length, response.Bytes);
        Assert.True(response.Timing.TotalMs >= response.Timing.DecodeMs + response.Timing.ProcessMs);
    }

    [Fact]
    public async Task Problems_surface_as_step_exceptions_with_every_problem_and_the_first_field()
    {
        var ex = await Assert.ThrowsAsync<StepException>(() =>
            _resize.Resize(new ResizeRequest { Width = 0, MaxSide = 99999, Quality = 101 }, new FakeCallContext("/argoflow.v1.ResizeService/Resize")));

        Assert.Equal(StepFailure.InvalidArgument, ex.Failure);
        Assert.Equal("input", ex.Field);
        Assert.Equal("input: is required (a key, file:// or s3:// URI of the image); maxSide: must be an integer in 1..16384, got 99999; quality: must be an integer in 1..100, got 101", ex.Message);
    }
}

using ArgoFlow.Contracts.V1;
using ArgoFlow.Services.Detect;
using ArgoFlow.Services.Filter;
using ArgoFlow.Services.Imaging;
using ArgoFlow.Services.Resize;
using ArgoFlow.Services.Storage;
using Grpc.Net.Client;
using OpenCvSharp;

namespace ArgoFlow.Services.Bench;

/// <summary>
/// The three operations of issue 3 §6, each as a gRPC call to the warm host and as the same work done in-process
/// with the public pure classes (store read, decode, process, encode, store write - everything but transport).
/// </summary>
internal sealed class Workloads
{
    private readonly GrpcChannel _channel;
    private readonly LocalDirectoryStore _store;
    private readonly DetectionModel _model;
    private readonly ImageLimits _limits = new();
    private readonly HttpClient _http;

    public Workloads(GrpcChannel channel, HttpClient http, LocalDirectoryStore store, DetectionModel model)
    {
        _http = http;
        _channel = channel;
        _store = store;
        _model = model;
    }

    /// <summary>Service calls; each returns the server's own timing breakdown.</summary>
    public IReadOnlyList<(string Name, Func<Task<Timing?>> Call)> Service =>
    [
        ("resize 640x360 (gRPC)", async () => (await new ResizeService.ResizeServiceClient(_channel).ResizeAsync(new ResizeRequest { Input = "bench.jpg", Width = 640, Height = 360 })).Timing),
        ("detect (gRPC)", async () => (await new DetectService.DetectServiceClient(_channel).DetectAsync(new DetectRequest { Input = "bench.jpg" })).Timing),
        ("gaussian filter (gRPC)", async () => (await new FilterService.FilterServiceClient(_channel).FilterAsync(new FilterRequest { Input = "bench.jpg", Operation = "gaussianBlur" })).Timing),
    ];

    /// <summary>The same resize through the HTTP/JSON route (what Argo http templates call).</summary>
    public (string Name, Func<Task<Timing?>> Call) HttpJson => ("resize 640x360 (HTTP/JSON)", async () =>
    {
        using var content = new StringContent("""{"input":"bench.jpg","width":640,"height":360}""", System.Text.Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri("/v1/resize", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        return null;
    });

    public IReadOnlyList<(string Name, Func<Task<Timing?>> Call)> InProcess =>
    [
        ("resize 640x360 (in-process)", () => RoundTripAsync("inproc-resize.jpg", (w, h) => Resizer.ReductionFor(w, h, Resize640),
            (image, size) => Resizer.Resize(image, Resize640, size))),
        ("detect (in-process)", () => RoundTripAsync(null, _model.ReductionFor, (image, size) =>
        {
            _model.Detect(image, new DetectSettings(_model.DefaultScoreThreshold, _model.DefaultIouThreshold, 100), size);
            return null;
        })),
        ("gaussian filter (in-process)", () => RoundTripAsync("inproc-filter.jpg", null, (image, _) => ImageFilters.Apply(image, new FilterSettings("gaussianBlur")))),
    ];

    private static ResizeSettings Resize640 { get; } = new(640, 360, null);

    private async Task<Timing?> RoundTripAsync(string? output, Func<int, int, int>? reduction, Func<Mat, Size, Mat?> process)
    {
        using var buffer = await _store.ReadAsync(_store.Resolve("bench.jpg", "input"), _limits.MaxObjectBytes, CancellationToken.None);
        using var image = ImageCodec.Decode(buffer.Span, _limits, "bench.jpg", reduction, out var size);
        using var result = process(image, size);
        if (result is not null && output is not null)
        {
            var bytes = ImageCodec.Encode(result, "jpeg", 90);
            await _store.WriteAsync(_store.Resolve(output, "output"), bytes, "image/jpeg", CancellationToken.None);
        }

        return null;
    }
}

using ArgoFlow.TestSupport;
using ArgoFlow.Contracts.V1;
using ArgoFlow.Services.Tests.Support;
using Grpc.Core;

namespace ArgoFlow.Services.Tests.Grpc;

/// <summary>The three services over real gRPC on 127.0.0.1 with the local store.</summary>
public sealed class StepCallTests : IClassFixture<HostFixture>
{
    private readonly TestHost _host;

    public StepCallTests(HostFixture fixture)
    {
        _host = fixture.Host;
    }

    [Fact]
    public async Task Resize_writes_a_derived_key_that_is_the_same_for_the_same_request_and_differs_for_other_parameters()
    {
        var client = new ResizeService.ResizeServiceClient(_host.Channel);

        var first = await client.ResizeAsync(new ResizeRequest { Input = "in/0.jpg", Width = 320, Height = 180, Fit = "fill" });
        var again = await client.ResizeAsync(new ResizeRequest { Input = "in/0.jpg", Width = 320, Height = 180, Fit = "fill" });
        var other = await client.ResizeAsync(new ResizeRequest { Input = "in/0.jpg", Width = 320, Height = 180, Fit = "stretch" });

        Assert.Equal(first.Output, again.Output);
        Assert.NotEqual(first.Output, other.Output);
        Assert.Matches(@"/in/0\.resize-[0-9a-f]{10}\.jpg$", first.Output);
        Assert.Equal((320, 180, 640, 480), (first.Width, first.Height, first.SourceWidth, first.SourceHeight));
        Assert.Equal(new FileInfo(new Uri(first.Output).LocalPath).Length, first.Bytes);
        Assert.False(string.IsNullOrEmpty(first.Instance));
    }

    [Fact]
    public async Task Resize_to_a_named_output_in_png_writes_exactly_there()
    {
        var client = new ResizeService.ResizeServiceClient(_host.Channel);

        var response = await client.ResizeAsync(new ResizeRequest { Input = "in/3.jpg", MaxSide = 100, Output = "named/small.png", Format = "png" });

        Assert.Equal("file://" + Path.Combine(_host.StoreRoot, "named", "small.png"), response.Output);
        Assert.Equal((100, 67), (response.Width, response.Height));
        Assert.Equal(0x89, File.ReadAllBytes(Path.Combine(_host.StoreRoot, "named", "small.png"))[0]);
    }

    [Fact]
    public async Task Detect_returns_the_reference_boxes_and_writes_detections_json_and_an_annotated_image()
    {
        var client = new DetectService.DetectServiceClient(_host.Channel);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var response = await client.DetectAsync(new DetectRequest { Input = "in/1.jpg", WriteDetections = true, Annotate = true });

        var bus = Assert.Single(response.Detections);
        Assert.Equal(("bus", 5), (bus.ClassName, bus.ClassId));
        Assert.Equal((44f, 82f, 583f, 415f), (bus.Box.X1, bus.Box.Y1, bus.Box.X2, bus.Box.Y2));
        Assert.Equal(("fastestdet", 640, 480), (response.Model, response.Width, response.Height));
        Assert.Equal("file://" + Path.Combine(_host.StoreRoot, "in", "1.jpg"), response.Input);
        Assert.Contains("\"className\":\"bus\"", File.ReadAllText(new Uri(response.DetectionsUri).LocalPath), StringComparison.Ordinal);
        Assert.True(File.Exists(new Uri(response.AnnotatedUri).LocalPath));
        response.Timing.AssertConsistent(clock.Elapsed, "decode,process");
    }

    [Fact]
    public async Task Filter_blurs_the_regions_detect_wrote_chained_through_the_result_uris()
    {
        var detect = await new DetectService.DetectServiceClient(_host.Channel)
            .DetectAsync(new DetectRequest { Input = "in/2.jpg", WriteDetections = true });

        var response = await new FilterService.FilterServiceClient(_host.Channel).FilterAsync(new FilterRequest
        {
            Input = detect.Input,
            Operation = "blurRegions",
            RegionsUri = detect.DetectionsUri,
            RegionClasses = { "person" },
            RegionPadding = 4,
        });

        Assert.Equal(3, response.Regions);
        Assert.Equal((640, 480), (response.Width, response.Height));
        Assert.True(File.Exists(new Uri(response.Output).LocalPath));
    }

    [Fact]
    public async Task A_large_jpeg_blur_takes_the_streamed_path_with_the_same_pixels_and_a_full_breakdown()
    {
        WriteLargeJpeg();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var response = await new FilterService.FilterServiceClient(_host.Channel)
            .FilterAsync(new FilterRequest { Input = "large/0.jpg", Operation = "gaussianBlur" });

        var input = File.ReadAllBytes(Path.Combine(_host.StoreRoot, "large", "0.jpg"));
        using var decoded = ArgoFlow.Services.Imaging.ImageCodec.Decode(input, new ArgoFlow.Services.Imaging.ImageLimits(), "large/0.jpg");
        using var blurred = ArgoFlow.Services.Filter.ImageFilters.Apply(decoded, new ArgoFlow.Services.Filter.FilterSettings("gaussianBlur"));
        using var expected = OpenCvSharp.Cv2.ImDecode(ArgoFlow.Services.Imaging.ImageCodec.Encode(blurred, "jpeg", 90), OpenCvSharp.ImreadModes.Color);
        using var written = OpenCvSharp.Cv2.ImRead(new Uri(response.Output).LocalPath, OpenCvSharp.ImreadModes.Color);
        using var difference = new OpenCvSharp.Mat();
        OpenCvSharp.Cv2.Absdiff(expected, written, difference);
        Assert.Equal(0, OpenCvSharp.Cv2.CountNonZero(difference.Reshape(1)));
        Assert.Equal((1920, 1080), (response.Width, response.Height));
        Assert.Equal(new FileInfo(new Uri(response.Output).LocalPath).Length, response.Bytes);
        response.Timing.AssertConsistent(clock.Elapsed, "download,decode,encode,upload");
    }

    [Fact]
    public async Task Large_jpeg_resize_and_detect_take_the_streamed_paths_with_the_usual_results()
    {
        WriteLargeJpeg();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var resized = await new ResizeService.ResizeServiceClient(_host.Channel)
            .ResizeAsync(new ResizeRequest { Input = "large/0.jpg", Width = 640, Height = 360 });
        var detected = await new DetectService.DetectServiceClient(_host.Channel)
            .DetectAsync(new DetectRequest { Input = "large/0.jpg", WriteDetections = true });

        var input = File.ReadAllBytes(Path.Combine(_host.StoreRoot, "large", "0.jpg"));
        var settings = new ArgoFlow.Services.Resize.ResizeSettings(640, 360, null);
        using var decoded = ArgoFlow.Services.Imaging.ImageCodec.Decode(input, new ArgoFlow.Services.Imaging.ImageLimits(), "large/0.jpg",
            (w, h) => ArgoFlow.Services.Resize.Resizer.ReductionFor(w, h, settings), out var size);
        using var expected = ArgoFlow.Services.Resize.Resizer.Resize(decoded, settings, size);
        using var written = OpenCvSharp.Cv2.ImRead(new Uri(resized.Output).LocalPath, OpenCvSharp.ImreadModes.Color);
        using var roundTrip = OpenCvSharp.Cv2.ImDecode(ArgoFlow.Services.Imaging.ImageCodec.Encode(expected, "jpeg", 90), OpenCvSharp.ImreadModes.Color);
        using var difference = new OpenCvSharp.Mat();
        OpenCvSharp.Cv2.Absdiff(roundTrip, written, difference);
        Assert.Equal(0, OpenCvSharp.Cv2.CountNonZero(difference.Reshape(1)));
        Assert.Equal((640, 360, 1920, 1080), (resized.Width, resized.Height, resized.SourceWidth, resized.SourceHeight));
        resized.Timing.AssertConsistent(clock.Elapsed, "decode,encode");
        Assert.Equal((1920, 1080), (detected.Width, detected.Height));
        detected.Timing.AssertConsistent(clock.Elapsed, "decode,process");
        Assert.True(File.Exists(new Uri(detected.DetectionsUri).LocalPath));
    }

    [Fact]
    public async Task Grayscale_filter_writes_an_image_with_equal_channels()
    {
        var response = await new FilterService.FilterServiceClient(_host.Channel)
            .FilterAsync(new FilterRequest { Input = "in/4.jpg", Operation = "grayscale", Format = "png" });

        using var written = OpenCvSharp.Cv2.ImRead(new Uri(response.Output).LocalPath, OpenCvSharp.ImreadModes.Color);
        var channels = written.Split();
        Assert.Equal(0, OpenCvSharp.Cv2.CountNonZero(channels[0] - channels[2]));
    }

    [Theory]
    [InlineData("width", -5, "", "width: must be an integer in 1..16384, got -5")]
    [InlineData("fit", 100, "wobble", "fit: 'wobble' is not one of fit, fill, stretch")]
    [InlineData("width", 0, "", "width: resize needs width and/or height, or maxSide")]
    public async Task Invalid_resize_parameters_are_invalid_argument_naming_the_field(string field, int width, string fit, string message)
    {
        var client = new ResizeService.ResizeServiceClient(_host.Channel);

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.ResizeAsync(new ResizeRequest { Input = "in/0.jpg", Width = width, Fit = fit }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.StartsWith(field + ":", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(message, ex.Status.Detail);
    }

    [Fact]
    public async Task Even_kernel_and_missing_regions_are_invalid_argument()
    {
        var client = new FilterService.FilterServiceClient(_host.Channel);

        var kernel = await Assert.ThrowsAsync<RpcException>(() => client.FilterAsync(new FilterRequest { Input = "in/0.jpg", Operation = "gaussianBlur", KernelSize = 4 }).ResponseAsync);
        var regions = await Assert.ThrowsAsync<RpcException>(() => client.FilterAsync(new FilterRequest { Input = "in/0.jpg", Operation = "blurRegions" }).ResponseAsync);
        var model = await Assert.ThrowsAsync<RpcException>(() => new DetectService.DetectServiceClient(_host.Channel).DetectAsync(new DetectRequest { Input = "in/0.jpg", Model = "yolo-huge" }).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "kernelSize: must be odd"), (kernel.StatusCode, kernel.Status.Detail));
        Assert.Equal(StatusCode.InvalidArgument, regions.StatusCode);
        Assert.StartsWith("regions:", regions.Status.Detail, StringComparison.Ordinal);
        Assert.StartsWith("model: unknown model 'yolo-huge'", model.Status.Detail, StringComparison.Ordinal);
    }

    /// <summary>A 1920x1080 JPEG at large/0.jpg in the store: big enough for the streamed paths.</summary>
    private void WriteLargeJpeg()
    {
        using var photo = OpenCvSharp.Cv2.ImRead(SharedData.Image("0.jpg"), OpenCvSharp.ImreadModes.Color);
        using var large = photo.Resize(new OpenCvSharp.Size(1920, 1080), 0, 0, OpenCvSharp.InterpolationFlags.Cubic);
        Directory.CreateDirectory(Path.Combine(_host.StoreRoot, "large"));
        OpenCvSharp.Cv2.ImWrite(Path.Combine(_host.StoreRoot, "large", "0.jpg"), large);
    }
}

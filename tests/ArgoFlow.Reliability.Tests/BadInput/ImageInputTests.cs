using ArgoFlow.Contracts.V1;
using ArgoFlow.Reliability.Tests.Support;
using ArgoFlow.TestSupport;
using Grpc.Core;
using Grpc.Health.V1;
using Xunit.Abstractions;

namespace ArgoFlow.Reliability.Tests.BadInput;

/// <summary>
/// Hostile image files through the real resize, detect and filter services of one `argoflow serve` process: each is
/// refused with FAILED_PRECONDITION (or processed, when it is a valid image), never INTERNAL, and the process serves on.
/// </summary>
public sealed class ImageInputTests(ITestOutputHelper output) : IDisposable
{
    private const int Seed = 7;
    private const int FuzzCount = 60;

    private readonly TempDirectory _store = new("argoflow-rel-images");

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Hostile_images_are_failed_precondition_in_every_service_and_the_process_stays_serving()
    {
        Directory.CreateDirectory(_store.Combine("bad"));
        var corpus = HostileImages.All();
        foreach (var (name, bytes) in corpus)
        {
            await File.WriteAllBytesAsync(_store.Combine("bad", name), bytes);
        }

        await File.WriteAllBytesAsync(_store.Combine("bad", "huge-exif.jpg"), HostileImages.HugeExif());
        await File.WriteAllBytesAsync(_store.Combine("bad", "good.jpg"), await File.ReadAllBytesAsync(SharedData.Image("1.jpg")));
        await using var serve = await ServeProcess.StartAsync(new ServeSettings { Store = _store.Path, Services = "resize,detect,filter" });

        var tried = 0;
        foreach (var name in corpus.Keys)
        {
            foreach (var call in Calls(serve, "bad/" + name))
            {
                var failure = await Assert.ThrowsAsync<RpcException>(call);
                Assert.True(failure.StatusCode == StatusCode.FailedPrecondition, $"{name}: {failure.StatusCode} {failure.Status.Detail}");
                tried++;
            }
        }

        // A valid image with 8 MB of EXIF is either processed or refused as too large - never a crash.
        foreach (var call in Calls(serve, "bad/huge-exif.jpg"))
        {
            var status = await StatusOf(call);
            Assert.True(status is StatusCode.OK or StatusCode.FailedPrecondition, $"huge-exif: {status}");
            tried++;
        }

        output.WriteLine($"{tried} hostile image calls");
        await AssertStillServingAsync(serve, "bad/good.jpg");
    }

    [Fact]
    public async Task Randomly_corrupted_jpeg_and_png_files_are_processed_or_refused_never_internal()
    {
        Directory.CreateDirectory(_store.Combine("fuzz"));
        var random = new Random(Seed);
        var sources = new[] { await File.ReadAllBytesAsync(SharedData.Image("2.jpg")), HostileImages.Png() };
        for (var i = 0; i < FuzzCount; i++)
        {
            var bytes = (byte[])sources[i % 2].Clone();
            for (var flips = 1 + random.Next(16); flips > 0; flips--)
            {
                // Bias towards the header, where the parsers make their decisions.
                var at = random.Next(3) == 0 ? random.Next(Math.Min(bytes.Length, 700)) : random.Next(bytes.Length);
                bytes[at] = (byte)random.Next(256);
            }

            await File.WriteAllBytesAsync(_store.Combine("fuzz", $"{i}{(i % 2 == 0 ? ".jpg" : ".png")}"), bytes);
        }

        await File.WriteAllBytesAsync(_store.Combine("fuzz", "good.jpg"), await File.ReadAllBytesAsync(SharedData.Image("1.jpg")));
        await using var serve = await ServeProcess.StartAsync(new ServeSettings { Store = _store.Path, Services = "resize,filter" });
        var resize = new ResizeService.ResizeServiceClient(serve.Channel);
        var filter = new FilterService.FilterServiceClient(serve.Channel);
        var counts = new Dictionary<StatusCode, int>();
        for (var i = 0; i < FuzzCount; i++)
        {
            var key = $"fuzz/{i}{(i % 2 == 0 ? ".jpg" : ".png")}";
            foreach (var status in new[]
            {
                await StatusOf(() => resize.ResizeAsync(new ResizeRequest { Input = key, Width = 100 }).ResponseAsync),
                await StatusOf(() => filter.FilterAsync(new FilterRequest { Input = key, Operation = "gaussianBlur" }).ResponseAsync),
            })
            {
                Assert.True(status is StatusCode.OK or StatusCode.FailedPrecondition, $"{key} (seed {Seed}): {status}");
                counts[status] = counts.GetValueOrDefault(status) + 1;
            }
        }

        output.WriteLine(string.Join(", ", counts.Select(c => $"{c.Key}={c.Value}")));
        await AssertStillServingAsync(serve, "fuzz/good.jpg");
    }

    private static IEnumerable<Func<Task>> Calls(ServeProcess serve, string key)
    {
        yield return () => new ResizeService.ResizeServiceClient(serve.Channel).ResizeAsync(new ResizeRequest { Input = key, Width = 100 }).ResponseAsync;
        yield return () => new DetectService.DetectServiceClient(serve.Channel).DetectAsync(new DetectRequest { Input = key }).ResponseAsync;
        yield return () => new FilterService.FilterServiceClient(serve.Channel).FilterAsync(new FilterRequest { Input = key, Operation = "grayscale" }).ResponseAsync;
    }

    private static async Task<StatusCode> StatusOf(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }

    private static async Task AssertStillServingAsync(ServeProcess serve, string goodKey)
    {
        Assert.False(serve.Child.HasExited, serve.Child.Stderr);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await serve.HealthAsync());
        var ok = await new ResizeService.ResizeServiceClient(serve.Channel).ResizeAsync(new ResizeRequest { Input = goodKey, Width = 100 });
        Assert.Equal(100, ok.Width);
        Assert.DoesNotContain("\"EventId\":1102", serve.Child.Stderr, StringComparison.Ordinal);
    }
}

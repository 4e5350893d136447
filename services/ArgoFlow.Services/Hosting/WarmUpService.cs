using ArgoFlow.Services.Detect;
using ArgoFlow.Services.Errors;
using ArgoFlow.Services.Filter;
using ArgoFlow.Services.Imaging;
using ArgoFlow.Services.Logging;
using ArgoFlow.Services.Resize;
using ArgoFlow.Services.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenCvSharp;

namespace ArgoFlow.Services.Hosting;

/// <summary>
/// Runs once after the host starts listening: waits until the store is reachable, loads the models (one session
/// each), runs one inference per model, and exercises OpenCV's codecs, resize and filters, so the first real call
/// pays no load or JIT cost. Each service turns SERVING when its own warm-up is done.
/// </summary>
internal sealed class WarmUpService : BackgroundService
{
    private readonly WarmHostOptions _options;
    private readonly WarmUpState _state;
    private readonly ModelRegistry _models;
    private readonly IImageStore _store;
    private readonly ILogger<WarmUpService> _logger;
    private readonly TimeProvider _time;

    public WarmUpService(WarmHostOptions options, WarmUpState state, ModelRegistry models, IImageStore store, TimeProvider time,
        ILogger<WarmUpService> logger)
    {
        _store = store;
        _time = time;
        _options = options;
        _state = state;
        _models = models;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: the host is already listening (and answering health with NOT_SERVING).
        await Task.Yield();
        await WaitForStoreAsync(stoppingToken);
        // Each service warms up on its own task: on two cores the model load and its first inference (detect) run
        // beside the OpenCV warm-ups (resize, filter), and a fast service turns SERVING without waiting for detect.
        await Task.WhenAll(_options.Services.Distinct().Select(step => Task.Run(() => WarmUpAndReport(step, stoppingToken), stoppingToken)));
    }

    private void WarmUpAndReport(string step, CancellationToken stoppingToken)
    {
        stoppingToken.ThrowIfCancellationRequested();
        var started = _time.GetTimestamp();
        try
        {
            WarmUp(step);
            var elapsed = _time.GetElapsedTime(started).TotalMilliseconds;
            Log.WarmedUp(_logger, step, elapsed);
            _state.MarkServing(step);
        }
#pragma warning disable CA1031 // Any warm-up failure keeps the service NOT_SERVING and is reported, never crashes the host.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.WarmUpFailed(_logger, ex, step, LogText.Cap(ex.Message));
            _state.MarkFailed(step, ex);
        }
    }

    /// <summary>A store that cannot be reached keeps every service NOT_SERVING; it is retried every 2 s.</summary>
    private async Task WaitForStoreAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await _store.CheckAsync(stoppingToken);
                return;
            }
            catch (StepException ex) when (ex.Failure == StepFailure.StorageUnavailable)
            {
                Log.StoreNotReady(_logger, LogText.Cap(ex.Message));
                await Task.Delay(TimeSpan.FromSeconds(2), _time, stoppingToken);
            }
        }
    }

    /// <summary>
    /// The streamed paths take JPEGs of a megapixel or more: one 1024x1024 sample, made once and shared by the
    /// warm-ups, loads their decoder and compiles their code. Checked against the default limits, not the configured
    /// ones, which may be lower.
    /// </summary>
    private static readonly Lazy<byte[]> LargeJpeg = new(() =>
    {
        using var large = new Mat(1024, 1024, MatType.CV_8UC3, new Scalar(90, 140, 200));
        return ImageCodec.Encode(large, "jpeg", 90);
    });

    private static readonly ImageLimits LargeLimits = new();

    private void WarmUp(string step)
    {
        using var sample = new Mat(480, 640, MatType.CV_8UC3, new Scalar(90, 140, 200));
        Cv2.Rectangle(sample, new Rect(100, 100, 200, 150), new Scalar(20, 20, 20), -1);
        var jpeg = ImageCodec.Encode(sample, "jpeg", 90);
        using var decoded = ImageCodec.Decode(jpeg, _options.Limits, "warm-up");
        switch (step)
        {
            case "resize":
                using (var small = Resizer.Resize(decoded, new ResizeSettings(320, 180, null, "fill")))
                {
                    ImageCodec.Encode(small, "png", 90);
                }

                StreamedJpegResize.TryRun(LargeJpeg.Value, LargeLimits, "warm-up", new ResizeSettings(300, 300, null), "jpeg", 90);

                break;
            case "filter":
                foreach (var operation in new[] { "gaussianBlur", "grayscale", "blurRegions" })
                {
                    using var filtered = ImageFilters.Apply(decoded, new FilterSettings(operation) { Regions = [new Rect(10, 10, 50, 50)] });
                }

                StreamedJpegFilter.TryRun(LargeJpeg.Value, LargeLimits, "warm-up", new FilterSettings("gaussianBlur"), "jpeg", 90);
                Log.StreamedJpeg(_logger, StreamedJpegFilter.Status);

                break;
            case "detect":
                _models.LoadAll();
                foreach (var model in _models.Models)
                {
                    var format = model.Format.ToString();
                    Log.ModelLoaded(_logger, model.Name, format, model.InputWidth, model.InputHeight, model.ClassNames.Count);
                    var settings = new DetectSettings(model.DefaultScoreThreshold, model.DefaultIouThreshold, 100);
                    model.Detect(decoded, settings);
                    StreamedJpegDetect.TryRun(LargeJpeg.Value, LargeLimits, "warm-up", model, settings);
                }

                break;
        }
    }
}

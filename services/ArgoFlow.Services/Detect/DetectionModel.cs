using System.Buffers;
using ArgoFlow.Services.Errors;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace ArgoFlow.Services.Detect;

/// <summary>
/// One ONNX model with its own InferenceSession, created once and shared by every call (Run is thread-safe).
/// Pure processing: an OpenCV Mat in, detections in source pixels out; no storage, no transport.
/// </summary>
public sealed class DetectionModel : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string _inputName;
    private readonly string[] _outputNames;

    // ONNX Runtime aborts the process when a session is released while a Run is in flight (a shutdown during
    // warm-up or a call): inferences hold the session, and the last one out releases it after Dispose.
    private readonly object _gate = new();
    private int _running;
    private bool _disposed;

    private DetectionModel(string name, InferenceSession session, ModelFormat format, int inputWidth, int inputHeight,
        IReadOnlyList<string> classNames, float scoreThreshold, float iouThreshold)
    {
        Name = name;
        _session = session;
        Format = format;
        InputWidth = inputWidth;
        InputHeight = inputHeight;
        ClassNames = classNames;
        DefaultScoreThreshold = scoreThreshold;
        DefaultIouThreshold = iouThreshold;
        _inputName = session.InputNames[0];
        _outputNames = [session.OutputNames[0]];
    }

    public string Name { get; }

    public ModelFormat Format { get; }

    public int InputWidth { get; }

    public int InputHeight { get; }

    public IReadOnlyList<string> ClassNames { get; }

    public float DefaultScoreThreshold { get; }

    public float DefaultIouThreshold { get; }

    /// <summary>Loads the model; intra-op threads as given, with spinning off so idle ORT threads leave the CPU to OpenCV.</summary>
    public static DetectionModel Load(ModelOptions options, int intraOpThreads)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        sessionOptions.AddSessionConfigEntry("session.inter_op.allow_spinning", "0");
        InferenceSession session;
        try
        {
            session = new InferenceSession(options.Path, sessionOptions);
        }
        catch (OnnxRuntimeException ex)
        {
            // A wrong file (--model README.md) is the user's input, not a bug: say which file and why.
            throw new ArgoFlow.Core.Errors.ArgoFlowException(ArgoFlow.Core.Errors.ExitCode.InvalidInput,
                $"model {options.Path}: not a loadable ONNX model ({ex.Message.Split('\n')[0].Trim()})",
                "pass an .onnx detection model with --model, or run `argoflow models pull fastestdet`", ex);
        }

        try
        {
            return Describe(options, session);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Detects objects in a BGR image. Boxes are in pixels of <paramref name="sourceSize"/> (default the image's
    /// own size; give the full size when the image was decoded reduced), best first. A cancelled
    /// <paramref name="cancellationToken"/> stops a running inference (ONNX Runtime's terminate flag).
    /// </summary>
    public IReadOnlyList<DetectedObject> Detect(Mat bgr, DetectSettings settings, Size? sourceSize = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        ArgumentNullException.ThrowIfNull(settings);
        var length = 3 * InputWidth * InputHeight;
        var tensor = ArrayPool<float>.Shared.Rent(length);
        try
        {
            var letterbox = default(Letterbox);
            if (Format == ModelFormat.Yolo)
            {
                letterbox = YoloHead.Prepare(bgr, tensor, InputWidth, InputHeight);
            }
            else
            {
                FastestDetHead.Prepare(bgr, tensor, InputWidth, InputHeight);
            }

            return Infer(tensor, letterbox, bgr.Size(), sourceSize ?? bgr.Size(), settings, cancellationToken);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(tensor);
        }
    }

    /// <summary>
    /// Whether the model's input is the image shrunk with INTER_AREA to the input size, channels as decoded
    /// (FastestDet), so <see cref="StreamedJpegDetect"/> can fill the tensor as the rows are decoded. YOLO
    /// letterboxes and takes RGB: it goes through <see cref="Detect"/>.
    /// </summary>
    internal bool TakesPlainAreaResize => Format == ModelFormat.FastestDet;

    /// <summary>
    /// Runs the model on a tensor filled as <see cref="Detect"/> fills it for a <see cref="TakesPlainAreaResize"/>
    /// model; boxes are in pixels of <paramref name="sourceSize"/>.
    /// </summary>
    internal IReadOnlyList<DetectedObject> DetectPrepared(float[] tensor, Size sourceSize, DetectSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        ArgumentNullException.ThrowIfNull(settings);
        if (!TakesPlainAreaResize)
        {
            throw new InvalidOperationException($"model {Name} ({Format}) needs its own preparation");
        }

        return Infer(tensor, default, sourceSize, sourceSize, settings, cancellationToken);
    }

    private List<DetectedObject> Infer(float[] tensor, Letterbox letterbox, Size imageSize, Size full, DetectSettings settings, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                throw new StepException(StepFailure.NotReady, $"model {Name} is unloaded: the service is shutting down");
            }

            _running++;
        }

        try
        {
            return Run(tensor, letterbox, imageSize, full, settings, cancellationToken);
        }
        finally
        {
            lock (_gate)
            {
                if (--_running == 0 && _disposed)
                {
                    _session.Dispose();
                }
            }
        }
    }

    private List<DetectedObject> Run(float[] tensor, Letterbox letterbox, Size imageSize, Size full, DetectSettings settings, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, tensor.AsMemory(0, 3 * InputWidth * InputHeight),
            [1, 3, InputHeight, InputWidth]);
        using var runOptions = new RunOptions();
        IDisposableReadOnlyCollection<OrtValue> outputs;
        // A large model's inference can take longer than the 200 ms a cancelled call may keep a core busy; ORT checks
        // the flag between the graph's nodes. Disposed before the options it sets.
        using (cancellationToken.Register(() => runOptions.Terminate = true))
        {
            try
            {
                outputs = _session.Run(runOptions, [_inputName], [input], _outputNames);
            }
            catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException("the call was cancelled during inference", cancellationToken);
            }
        }

        using var disposeOutputs = outputs;
        var output = outputs[0];
        var shape = output.GetTensorTypeAndShape().Shape;
        var data = output.GetTensorDataAsSpan<float>();
        var found = Format == ModelFormat.Yolo
            ? YoloHead.Decode(data, shape, letterbox, imageSize, full, ClassNames, settings)
            : FastestDetHead.Decode(data, shape, full.Width, full.Height, ClassNames, settings);
        return found.Count > settings.MaxDetections ? found.GetRange(0, settings.MaxDetections) : found;
    }

    /// <summary>
    /// The largest JPEG decode reduction (8, 4, 2, else 1) that keeps both sides of a width x height image at least
    /// the model's input size, for <see cref="Imaging.ImageCodec.Decode(ReadOnlySpan{byte}, Imaging.ImageLimits, string, Func{int, int, int}?, out Size)"/>.
    /// </summary>
    public int ReductionFor(int width, int height)
    {
        var needed = Math.Max(InputWidth, InputHeight);
        return Imaging.ImageCodec.Reductions.FirstOrDefault(f => (Math.Min(width, height) + f - 1) / f >= needed, 1);
    }

    /// <summary>Releases the session now, or when the inferences in flight are done.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_running == 0)
            {
                _session.Dispose();
            }
        }
    }

    private static DetectionModel Describe(ModelOptions options, InferenceSession session)
    {
        var input = session.InputMetadata[session.InputNames[0]].Dimensions;
        var output = session.OutputMetadata[session.OutputNames[0]].Dimensions;
        var format = options.Format != ModelFormat.Auto ? options.Format : output.Length switch
        {
            4 => ModelFormat.FastestDet,
            3 => ModelFormat.Yolo,
            _ => throw new StepException(StepFailure.InvalidArgument,
                $"model {options.Path}: output shape [{string.Join(", ", output)}] is neither FastestDet [1, 5+C, H, W] nor YOLO [1, 4+C, N]"),
        };
        if (input.Length != 4 || input[1] is not (3 or -1))
        {
            throw new StepException(StepFailure.InvalidArgument,
                $"model {options.Path}: input shape [{string.Join(", ", input)}] is not [1, 3, H, W]");
        }

        // Dynamic sizes (-1) take the usual export size of each family.
        var fallback = format == ModelFormat.Yolo ? 640 : 352;
        var height = input[2] > 0 ? input[2] : fallback;
        var width = input[3] > 0 ? input[3] : fallback;
        var classCount = output[1] > 0 ? output[1] - (format == ModelFormat.Yolo ? 4 : 5) : 0;
        var names = ClassNameSource.Load(options, session.ModelMetadata.CustomMetadataMap, classCount);
        var score = options.ScoreThreshold ?? (format == ModelFormat.Yolo ? 0.25f : 0.65f);
        return new DetectionModel(options.EffectiveName, session, format, width, height, names, score, options.IouThreshold ?? 0.45f);
    }
}

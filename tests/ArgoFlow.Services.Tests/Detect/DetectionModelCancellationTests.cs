using ArgoFlow.Services.Detect;
using ArgoFlow.Services.Tests.Support;
using ArgoFlow.TestSupport;
using OpenCvSharp;

namespace ArgoFlow.Services.Tests.Detect;

/// <summary>Issue 14, point 7, for detect: a cancelled call stops its inference (ONNX Runtime's terminate flag) and the session stays usable.</summary>
public sealed class DetectionModelCancellationTests
{
    [Fact]
    public void A_cancel_stops_inference_as_a_cancellation_and_the_model_keeps_working()
    {
        using var model = DetectionModel.Load(new ModelOptions { Path = SharedData.ModelPath }, 1);
        using var image = Cv2.ImRead(SharedData.Image("0.jpg"), ImreadModes.Color);
        var settings = new DetectSettings(model.DefaultScoreThreshold, model.DefaultIouThreshold, 100);
        var expected = model.Detect(image, settings);

        Assert.ThrowsAny<OperationCanceledException>(() => model.Detect(image, settings, null, new CancellationToken(true)));

        // Inference is most of each call, so cancels from another thread land inside a Run as well as between them;
        // either way the caller sees a cancellation, never ONNX Runtime's own error.
        var insideRun = 0;
        for (var round = 0; round < 20; round++)
        {
            var (thrown, finished) = CancelMidway.Run(
                token =>
                {
                    for (var i = 0; i < 10_000; i++)
                    {
                        model.Detect(image, settings, null, token);
                    }
                },
                TimeSpan.FromMilliseconds(3 + round));
            Assert.False(finished);
            Assert.IsAssignableFrom<OperationCanceledException>(thrown);
            insideRun += thrown!.Message.Contains("during inference", StringComparison.Ordinal) ? 1 : 0;
        }

        Assert.True(insideRun > 0, "some cancels stopped a running inference (most of a call is inference)");

        var after = model.Detect(image, settings);
        Assert.Equal(expected, after);
    }
}

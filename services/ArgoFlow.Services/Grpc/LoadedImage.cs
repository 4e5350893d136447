using OpenCvSharp;

namespace ArgoFlow.Services.Grpc;

/// <summary>A decoded image and the full size of its source (larger than the Mat after a reduced JPEG decode).</summary>
public sealed class LoadedImage : IDisposable
{
    public LoadedImage(Mat image, Size sourceSize)
    {
        Image = image;
        SourceSize = sourceSize;
    }

    public Mat Image { get; }

    public Size SourceSize { get; }

    public void Dispose() => Image.Dispose();
}

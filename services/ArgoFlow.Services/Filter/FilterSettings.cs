using OpenCvSharp;

namespace ArgoFlow.Services.Filter;

/// <summary>
/// A validated filter with every default applied (see the catalogue's filter entry). Regions are in pixels of
/// the input image, already padded; they are clipped to the image when applied.
/// </summary>
public sealed record FilterSettings(
    string Operation,
    int KernelSize = 5,
    double Sigma = 0,
    double Amount = 1,
    double LowThreshold = 100,
    double HighThreshold = 200,
    double Strength = 10,
    double Brightness = 0,
    double Contrast = 1,
    int BlockSize = 16)
{
    public IReadOnlyList<Rect> Regions { get; init; } = [];
}

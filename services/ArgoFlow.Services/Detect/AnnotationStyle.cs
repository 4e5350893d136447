namespace ArgoFlow.Services.Detect;

/// <summary>
/// Line width and text size for annotating a <c>width</c> x <c>height</c> image, from its shorter side: 2 px
/// lines and 0.5-scale text (about 12 px high) at 480 px, growing in proportion, so a 4000 px photo does not get
/// hairlines and a thumbnail does not get labels bigger than its boxes.
/// </summary>
internal sealed record AnnotationStyle(int LineWidth, double FontScale, int TextThickness)
{
    public static AnnotationStyle For(int width, int height)
    {
        var side = Math.Max(1, Math.Min(width, height));
        var line = Math.Max(1, (int)Math.Round(side / 320.0, MidpointRounding.AwayFromZero));
        // Below 0.35 Hershey text stops being legible; the label is then cut by the image rather than shrunk further.
        var font = Math.Max(0.35, side / 960.0);
        return new AnnotationStyle(line, font, Math.Max(1, line / 2));
    }
}

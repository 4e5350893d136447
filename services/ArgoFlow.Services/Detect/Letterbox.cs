namespace ArgoFlow.Services.Detect;

/// <summary>How an image was scaled and padded into a model input, and the way back to source pixels.</summary>
public readonly record struct Letterbox(float Scale, int PadX, int PadY, int ScaledWidth, int ScaledHeight)
{
    public static Letterbox For(int imageWidth, int imageHeight, int inputWidth, int inputHeight)
    {
        var scale = Math.Min((float)inputWidth / imageWidth, (float)inputHeight / imageHeight);
        var w = Math.Clamp((int)MathF.Round(imageWidth * scale), 1, inputWidth);
        var h = Math.Clamp((int)MathF.Round(imageHeight * scale), 1, inputHeight);
        return new Letterbox(scale, (inputWidth - w) / 2, (inputHeight - h) / 2, w, h);
    }

    public float ToSourceX(float x, int imageWidth) => Math.Clamp((x - PadX) / Scale, 0, imageWidth);

    public float ToSourceY(float y, int imageHeight) => Math.Clamp((y - PadY) / Scale, 0, imageHeight);
}

namespace ArgoFlow.Services.Detect;

/// <summary>One detection in pixels of the source image: (X1, Y1) top-left, (X2, Y2) bottom-right.</summary>
public sealed record DetectedObject(int ClassId, string ClassName, float Score, float X1, float Y1, float X2, float Y2);

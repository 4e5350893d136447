namespace ArgoFlow.Templates.Spec;

/// <summary>A fixed region in a spec (<c>regions: [{x1, y1, x2, y2}]</c>), in pixels of the step's input image.</summary>
public sealed record BoxValue(double X1, double Y1, double X2, double Y2);

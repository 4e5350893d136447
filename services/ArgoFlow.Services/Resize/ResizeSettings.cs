namespace ArgoFlow.Services.Resize;

/// <summary>
/// A validated resize: give <see cref="Width"/> and/or <see cref="Height"/>, or <see cref="MaxSide"/>.
/// <see cref="Fit"/> is "fit", "fill" or "stretch"; <see cref="Interpolation"/> "area", "linear", "cubic" or
/// "lanczos" (the catalogue's choices).
/// </summary>
public sealed record ResizeSettings(int? Width, int? Height, int? MaxSide, string Fit = "fit", string Interpolation = "area", bool Enlarge = false);

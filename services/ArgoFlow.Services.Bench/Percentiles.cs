using System.Globalization;

namespace ArgoFlow.Services.Bench;

/// <summary>Nearest-rank percentiles of a list of milliseconds.</summary>
internal sealed record Percentiles(int Count, double P50, double P90, double P99, double Min)
{
    public static Percentiles Of(IReadOnlyList<double> samples)
    {
        var sorted = samples.Order().ToArray();
        double at(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new(sorted.Length, at(0.50), at(0.90), at(0.99), sorted[0]);
    }

    public string Row(string name) =>
        string.Create(CultureInfo.InvariantCulture, $"| {name} | {Count} | {P50:0.0} | {P90:0.0} | {P99:0.0} | {Min:0.0} |");
}

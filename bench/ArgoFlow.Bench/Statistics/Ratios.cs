namespace ArgoFlow.Bench.Statistics;

/// <summary>Median ratios of every mode against a baseline mode (the fastest median unless one is named).</summary>
public static class Ratios
{
    public static IReadOnlyList<Ratio> AgainstBaseline(IReadOnlyList<ModeSummary> modes, string? baseline = null)
    {
        ArgumentNullException.ThrowIfNull(modes);
        var measured = modes.Where(m => m.P50Ms is > 0).ToList();
        var basis = baseline is null
            ? measured.OrderBy(m => m.P50Ms).FirstOrDefault()
            : measured.FirstOrDefault(m => m.Name == baseline);
        if (basis is null)
        {
            return [];
        }

        return measured.Where(m => m.Name != basis.Name)
            .Select(m => new Ratio($"{m.Name}/{basis.Name}", m.Name, basis.Name, "p50", Math.Round(m.P50Ms!.Value / basis.P50Ms!.Value, 2)))
            .ToList();
    }
}

using OpenCvSharp;

namespace ArgoFlow.Services.Filter;

/// <summary>
/// The regions a blurRegions or pixelateRegions call works on: clipped to the image, and overlapping ones merged
/// into their bounding box until none overlap. Disjoint regions cover at most the image once, so the work of a
/// call is bounded by one full-frame filter however many regions (400 full-frame regions with kernel 99 took 8 s
/// on 640x480 when each was blurred in turn). Merging only ever blurs or pixelates more, never less.
/// </summary>
public static class RegionSet
{
    /// <summary>Clips and merges; O(n^2) in the count, which the service caps (<c>limits.maxRegions</c>).</summary>
    public static IReadOnlyList<Rect> Merge(IEnumerable<Rect> regions, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var merged = new List<Rect>();
        foreach (var clipped in ImageFilters.Clip(regions, width, height))
        {
            var region = clipped;
            // Each merge removes one region from the list, so the rescans are bounded by the count.
            for (var i = 0; i < merged.Count;)
            {
                if (Overlap(region, merged[i]))
                {
                    region = region.Union(merged[i]);
                    merged.RemoveAt(i);
                    i = 0;
                }
                else
                {
                    i++;
                }
            }

            merged.Add(region);
        }

        return merged;
    }

    private static bool Overlap(Rect a, Rect b) =>
        a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;
}

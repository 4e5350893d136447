namespace ArgoFlow.Services.Detect;

/// <summary>The 80 COCO class names in their usual order: the default for 80-class models without a names file.</summary>
public static class CocoClassNames
{
    public static IReadOnlyList<string> All => ArgoFlow.Core.Catalog.CocoLabels.All;
}

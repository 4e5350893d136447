using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Lint.Rules;

/// <summary>
/// validate.go addItemsToScope: a step or task loops over at most one of withItems, withParam, withSequence, and a
/// withSequence gives count or end, not both.
/// </summary>
internal sealed class LoopRule : ICallRule
{
    public static readonly string[] LoopKeys = ["withItems", "withParam", "withSequence"];

    public void Check(CallSite site)
    {
        var loops = LoopKeys
            .Where(k => site.Call[k] is not null and not YScalar { IsNull: true } and not YScalar { Value.Length: 0 } and not YSequence { Items.Count: 0 })
            .ToList();
        if (loops.Count > 1)
        {
            site.Error(site.Call[loops[1]], loops[1], $"only one of withItems, withParam, withSequence can be given; found {string.Join(" and ", loops)}");
        }

        if (site.Call["withSequence"] is YMapping sequence && ArgumentsRule.Present(sequence["count"]) && ArgumentsRule.Present(sequence["end"]))
        {
            site.Error(sequence, "withSequence", "give count or end, not both");
        }
    }
}

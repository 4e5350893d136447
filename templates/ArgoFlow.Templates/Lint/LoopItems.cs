using System.Globalization;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Lint;

/// <summary>
/// The <c>{{item.KEY}}</c> keys a step or task sets, as validate.go addItemsToScope computes them: the keys of map
/// items, <c>[0]</c>, <c>[1]</c>... of list items, none for plain values or withSequence (only <c>{{item}}</c>), and
/// any key for withParam, whose items are known only at run time.
/// </summary>
internal static class LoopItems
{
    public const string AnyKey = "*";

    /// <summary>The keys, or null when the call does not loop.</summary>
    public static HashSet<string>? Keys(YMapping call)
    {
        if (call["withParam"] is YScalar { IsNull: false, Value.Length: > 0 })
        {
            return [AnyKey];
        }

        if (call["withItems"] is YSequence { Items.Count: > 0 } items)
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in items.Items)
            {
                switch (item)
                {
                    case YMapping map:
                        keys.UnionWith(map.Entries.Select(e => e.Key.Value));
                        break;
                    case YSequence list:
                        keys.UnionWith(Enumerable.Range(0, list.Items.Count).Select(i => "[" + i.ToString(CultureInfo.InvariantCulture) + "]"));
                        break;
                }
            }

            return keys;
        }

        return call["withSequence"] is YMapping ? [] : null;
    }
}

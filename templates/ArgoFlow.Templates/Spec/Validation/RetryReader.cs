using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Spec.Validation;

/// <summary>
/// Reads a <c>retry:</c> block (spec-wide or per step); fields not given keep the values of <c>inherited</c>.
/// Durations are Go style (<c>1s</c>, <c>500ms</c>, <c>1m</c>) or a number of seconds.
/// </summary>
internal static class RetryReader
{
    public const int MaxLimit = 20;

    public static RetryPolicy Read(SpecReadContext context, YNode? node, string path, RetryPolicy inherited)
    {
        var mapping = context.Mapping(node, path);
        if (mapping is null)
        {
            return inherited;
        }

        context.CheckKeys(mapping, path, "limit", "backoff", "factor", "maxBackoff");
        var limit = context.Int(mapping["limit"], path + ".limit", 0, MaxLimit) ?? inherited.Limit;
        var backoff = Duration(context, mapping["backoff"], path + ".backoff") ?? inherited.Backoff;
        // Argo reads backoff.factor as an integer (int-or-string), so fractions are refused here, not on the cluster.
        var factor = context.Int(mapping["factor"], path + ".factor", 1, 10) ?? inherited.Factor;
        var maxBackoff = Duration(context, mapping["maxBackoff"], path + ".maxBackoff") ?? inherited.MaxBackoff;
        if (maxBackoff < backoff)
        {
            context.Error(mapping["maxBackoff"] ?? mapping, path + ".maxBackoff",
                $"{Durations.Format(maxBackoff)} is shorter than backoff {Durations.Format(backoff)}");
        }

        return new RetryPolicy(limit, backoff, factor, maxBackoff);
    }

    private static TimeSpan? Duration(SpecReadContext context, YNode? node, string path)
    {
        var text = context.Text(node, path);
        if (text is null)
        {
            return null;
        }

        var value = Durations.Parse(text);
        if (value is null || value.Value > TimeSpan.FromHours(1) || value.Value.TotalMilliseconds % 1 != 0)
        {
            context.Error(node, path, $"expected a duration up to 1h such as 500ms, 2s or 1m30s, found '{text}'");
            return null;
        }

        return value;
    }
}

using ArgoFlow.Core.Errors;

namespace ArgoFlow.Cluster.Submit;

/// <summary>Parses `key=value` flags (-p, --labels) with an error naming the flag and the bad text.</summary>
public static class KeyValueParser
{
    public static KeyValuePair<string, string> Parse(string text, string flag)
    {
        ArgumentNullException.ThrowIfNull(text);
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            throw new ArgoFlowException(ExitCode.Usage, $"{flag} \"{text}\": expected NAME=VALUE");
        }

        return new(text[..eq].Trim(), text[(eq + 1)..]);
    }

    /// <summary>Each value may itself hold several pairs separated by commas (`--labels a=1,b=2`), as argo allows.</summary>
    public static IReadOnlyDictionary<string, string> ParseLabels(IEnumerable<string> values)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var (k, v) = Parse(part, "--labels");
                labels[k] = v;
            }
        }

        return labels;
    }
}

namespace ArgoFlow.Templates.Yaml;

/// <summary>A mapping with its keys in document order (duplicate keys are rejected by the loader).</summary>
internal sealed class YMapping : YNode
{
    private readonly List<KeyValuePair<YScalar, YNode>> _entries = [];
    private long _size = 1;

    public YMapping(int line, int column)
        : base(line, column)
    {
    }

    public IReadOnlyList<KeyValuePair<YScalar, YNode>> Entries => _entries;

    public override long ExpandedSize => _size;

    public YNode? this[string key] => Find(key)?.Value;

    public KeyValuePair<YScalar, YNode>? Find(string key)
    {
        foreach (var entry in _entries)
        {
            if (string.Equals(entry.Key.Value, key, StringComparison.Ordinal))
            {
                return entry;
            }
        }

        return null;
    }

    public bool Add(YScalar key, YNode value)
    {
        if (Find(key.Value) is not null)
        {
            return false;
        }

        _entries.Add(new(key, value));
        _size = checked(_size + 1 + value.ExpandedSize);
        return true;
    }

    public override string Describe() => "a mapping";
}

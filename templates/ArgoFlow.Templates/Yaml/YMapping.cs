namespace ArgoFlow.Templates.Yaml;

/// <summary>A mapping with its keys in document order (duplicate keys are rejected by the loader).</summary>
internal sealed class YMapping : YNode
{
    /// <summary>Above this many keys lookups go through an index: a flat mapping of 100,000 keys took 30 s to load.</summary>
    private const int IndexFrom = 16;

    private readonly List<KeyValuePair<YScalar, YNode>> _entries = [];
    private Dictionary<string, int>? _index;
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
        if (_index is not null)
        {
            return _index.TryGetValue(key, out var at) ? _entries[at] : null;
        }

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
        if (_index is not null || _entries.Count > IndexFrom)
        {
            _index ??= _entries.Select((e, i) => (e.Key.Value, i)).ToDictionary(p => p.Value, p => p.i, StringComparer.Ordinal);
            _index[key.Value] = _entries.Count - 1;
        }

        _size = checked(_size + 1 + value.ExpandedSize);
        return true;
    }

    public override string Describe() => "a mapping";
}

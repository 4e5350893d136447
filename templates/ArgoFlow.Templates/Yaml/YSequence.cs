namespace ArgoFlow.Templates.Yaml;

/// <summary>A sequence (YAML list).</summary>
internal sealed class YSequence : YNode
{
    private readonly List<YNode> _items = [];
    private long _size = 1;

    public YSequence(int line, int column)
        : base(line, column)
    {
    }

    public IReadOnlyList<YNode> Items => _items;

    public override long ExpandedSize => _size;

    public void Add(YNode item)
    {
        _items.Add(item);
        _size = checked(_size + item.ExpandedSize);
    }

    public override string Describe() => "a list";
}

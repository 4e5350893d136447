using System.Text;

namespace ArgoFlow.Cluster.Rendering;

/// <summary>kubectl-style plain columns: upper-case headers, two spaces between columns, no borders.</summary>
public sealed class TextTable
{
    private readonly string[] _headers;
    private readonly List<string[]> _rows = [];

    public TextTable(params string[] headers)
    {
        _headers = headers;
    }

    public void Add(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != _headers.Length)
        {
            throw new ArgumentException($"expected {_headers.Length} cells, got {cells.Length}", nameof(cells));
        }

        _rows.Add(cells);
    }

    public int Count => _rows.Count;

    public override string ToString()
    {
        var widths = _headers.Select((h, i) => _rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var sb = new StringBuilder();
        foreach (var row in _rows.Prepend(_headers))
        {
            var line = string.Join("  ", row.Select((c, i) => i == row.Length - 1 ? c : c.PadRight(widths[i])));
            sb.Append(line.TrimEnd()).Append('\n');
        }

        return sb.ToString();
    }
}

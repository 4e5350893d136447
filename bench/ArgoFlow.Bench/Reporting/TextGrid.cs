using System.Text;

namespace ArgoFlow.Bench.Reporting;

/// <summary>Left-aligned text columns, two spaces apart; the first column left, numbers right-aligned.</summary>
internal static class TextGrid
{
    public static void Append(StringBuilder text, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        Line(text, header, widths);
        foreach (var row in rows)
        {
            Line(text, row, widths);
        }
    }

    private static void Line(StringBuilder text, IReadOnlyList<string> cells, int[] widths)
    {
        var line = string.Join("  ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i])));
        text.AppendLine(line.TrimEnd());
    }
}

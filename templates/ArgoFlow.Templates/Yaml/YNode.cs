using ArgoFlow.Core.Errors;

namespace ArgoFlow.Templates.Yaml;

/// <summary>
/// A node of a YAML document read by <see cref="SafeYamlLoader"/>, with the 1-based line and column it starts at,
/// so every validation message can point at the exact place in the user's file.
/// </summary>
internal abstract class YNode
{
    protected YNode(int line, int column)
    {
        Line = line;
        Column = column;
    }

    public int Line { get; }

    public int Column { get; }

    /// <summary>Nodes in this subtree, counting every alias expansion (what a naive reader would materialise).</summary>
    public abstract long ExpandedSize { get; }

    /// <summary>"a mapping", "a list", "a string" - used in "expected X, found Y" messages.</summary>
    public abstract string Describe();

    public SourceLocation At(string file) => new(file, Line, Column);
}

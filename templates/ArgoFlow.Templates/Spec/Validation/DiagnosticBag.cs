using ArgoFlow.Core.Errors;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Spec.Validation;

/// <summary>Collects every problem of one file so the user sees them all at once, in document order.</summary>
internal sealed class DiagnosticBag(string source)
{
    private readonly List<Diagnostic> _items = [];

    public string Source { get; } = source;

    public bool HasErrors => _items.Count > 0;

    public int Count => _items.Count;

    public void Error(YNode? node, string path, string message) =>
        _items.Add(new Diagnostic(node?.At(Source) ?? new SourceLocation(Source, 0, 0), path, message));

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void ThrowIfAny()
    {
        if (_items.Count > 0)
        {
            var ordered = _items
                .Select((d, i) => (d, i))
                .OrderBy(x => x.d.Location.Line)
                .ThenBy(x => x.d.Location.Column)
                .ThenBy(x => x.i)
                .Select(x => x.d)
                .ToList();
            throw new ValidationException(ordered);
        }
    }
}

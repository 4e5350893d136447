using Google.Protobuf.Reflection;

namespace ArgoFlow.Services.Hosting;

/// <summary>A JSON member no proto field matches: its path in the body and the message it was read as.</summary>
/// <param name="Path">Dotted path with array indices, e.g. <c>widht</c> or <c>regions[1].x3</c>.</param>
/// <param name="Message">The message that has no such field.</param>
public sealed record UnknownJsonField(string Path, MessageDescriptor Message)
{
    /// <summary>
    /// <c>widht: unknown field (argoflow.v1.ResizeRequest has input, output, width, ...)</c> - starts with the
    /// path, like every INVALID_ARGUMENT message, and lists the JSON names the caller probably meant.
    /// </summary>
    public string Describe() =>
        $"{Path}: unknown field ({Message.FullName} has {string.Join(", ", Message.Fields.InDeclarationOrder().Select(f => f.JsonName))})";
}

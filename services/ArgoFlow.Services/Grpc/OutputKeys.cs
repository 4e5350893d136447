using System.Security.Cryptography;
using System.Text;
using ArgoFlow.Services.Errors;
using ArgoFlow.Services.Storage;
using Google.Protobuf;

namespace ArgoFlow.Services.Grpc;

/// <summary>
/// Output keys derived from the input key and the parameters: <c>folder/stem.STEP-HASH.EXT</c> beside the input,
/// where HASH covers every request field except the input and output references. The same request always
/// writes the same object, so an Argo retry overwrites instead of leaving strays.
/// </summary>
public static class OutputKeys
{
    /// <summary>
    /// An output the request names, resolved by the store; INVALID_ARGUMENT naming <paramref name="field"/> when it
    /// is one of the call's own inputs (a write is a rename, so it would replace the object being read).
    /// </summary>
    public static ObjectRef Named(IImageStore store, string reference, string field, params ObjectRef?[] inputs)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(inputs);
        var output = store.Resolve(reference, field);
        foreach (var input in inputs)
        {
            if (input is not null && store.IsSameObject(input, output))
            {
                throw StepException.Invalid(field, $"'{ObjectKeys.Printable(reference)}' is this call's own input {store.ToUri(input)}; name another object");
            }
        }

        return output;
    }

    public static ObjectRef Derive<T>(ObjectRef input, string step, T request, string extension)
        where T : IMessage<T>, IDeepCloneable<T>
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(request);
        var parameters = request.Clone();
        foreach (var field in parameters.Descriptor.Fields.InDeclarationOrder())
        {
            if (field.JsonName is "input" || field.JsonName.EndsWith("utput", StringComparison.Ordinal))
            {
                field.Accessor.Clear(parameters);
            }
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(JsonFormatter.Default.Format(parameters)));
        var name = input.Name;
        var dot = name.LastIndexOf('.');
        var stem = dot > 0 ? name[..dot] : name;
        return input.WithName($"{stem}.{step}-{Convert.ToHexStringLower(hash)[..10]}.{extension}");
    }
}

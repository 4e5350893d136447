using System.Collections;
using System.Globalization;
using ArgoFlow.Contracts.V1;
using ArgoFlow.Core.Catalog;
using ArgoFlow.Core.Errors;
using ArgoFlow.Templates.Spec;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ArgoFlow.Steps.Client;

/// <summary>
/// Builds a step's gRPC request from the catalogue: every parameter value is set on the request field whose JSON
/// name is the catalogue's parameter name, and every input port fills the field the catalogue names for it. The
/// runner, the `step` command and the generator all go through the catalogue, so they cannot disagree.
/// </summary>
public static class StepRequestFactory
{
    /// <param name="type">The step type.</param>
    /// <param name="with">Parameter values typed per the catalogue (long, double, bool, string, lists); nulls are skipped.</param>
    /// <param name="inputs">Input port name (e.g. "image", "regions") to URI.</param>
    /// <param name="where">Names the step in error messages, e.g. "step 'resize'".</param>
    public static IMessage Create(
        StepType type,
        IReadOnlyDictionary<string, object?> with,
        IReadOnlyDictionary<string, string> inputs,
        string where)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(with);
        ArgumentNullException.ThrowIfNull(inputs);
        var binding = StepBinding.For(type);
        var request = binding.RequestDescriptor.Parser.ParseFrom(ByteString.Empty);
        foreach (var (name, value) in with)
        {
            if (value is null)
            {
                continue;
            }

            var parameter = type.FindParameter(name) ?? throw new ArgoFlowException(
                ExitCode.InvalidInput,
                $"{where}: '{name}' is not a parameter of {type.Name}",
                $"{type.Name} takes: {string.Join(", ", type.Parameters.Select(p => p.Name))}");
            Set(request, binding.RequestFields[parameter.Name], value, $"{where}: {name}");
        }

        foreach (var (port, uri) in inputs)
        {
            var input = type.FindInput(port) ?? throw new ArgoFlowException(
                ExitCode.InvalidInput, $"{where}: '{port}' is not an input of {type.Name}");
            binding.RequestFields[input.Field].Accessor.SetValue(request, uri);
        }

        return request;
    }

    private static void Set(IMessage request, FieldDescriptor field, object value, string where)
    {
        if (field.IsRepeated)
        {
            var list = (IList)field.Accessor.GetValue(request);
            foreach (var item in AsItems(value, where))
            {
                list.Add(Convert(field, item, where));
            }

            return;
        }

        field.Accessor.SetValue(request, Convert(field, value, where));
    }

    private static IEnumerable AsItems(object value, string where) => value switch
    {
        string => throw Invalid(where, "a list", value),
        IEnumerable items => items,
        _ => throw Invalid(where, "a list", value),
    };

    private static object Convert(FieldDescriptor field, object value, string where)
    {
        try
        {
            return field.FieldType switch
            {
                FieldType.String => value as string ?? throw Invalid(where, "a string", value),
                FieldType.Bool => value as bool? ?? throw Invalid(where, "true or false", value),
                FieldType.Int32 => value is long or int ? System.Convert.ToInt32(value, CultureInfo.InvariantCulture)
                    : value is double d && d == Math.Floor(d) ? checked((int)d) : throw Invalid(where, "an integer", value),
                FieldType.Float => value is long or int or double or float
                    ? System.Convert.ToSingle(value, CultureInfo.InvariantCulture) : throw Invalid(where, "a number", value),
                FieldType.Double => value is long or int or double or float
                    ? System.Convert.ToDouble(value, CultureInfo.InvariantCulture) : throw Invalid(where, "a number", value),
                FieldType.Message when field.MessageType == Box.Descriptor => ToBox(value, where),
                _ => throw Invalid(where, field.FieldType.ToString(), value),
            };
        }
        catch (OverflowException)
        {
            throw Invalid(where, "an integer in the 32-bit range", value);
        }
    }

    private static Box ToBox(object value, string where) => value is BoxValue b
        ? new Box { X1 = (float)b.X1, Y1 = (float)b.Y1, X2 = (float)b.X2, Y2 = (float)b.Y2 }
        : throw Invalid(where, "a box {x1, y1, x2, y2}", value);

    private static ArgoFlowException Invalid(string where, string expected, object value) =>
        new(ExitCode.InvalidInput, string.Create(CultureInfo.InvariantCulture, $"{where}: expected {expected}, got '{value}'"));
}

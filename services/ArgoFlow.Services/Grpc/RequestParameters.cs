using System.Globalization;
using ArgoFlow.Core.Catalog;
using ArgoFlow.Services.Errors;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Google.Protobuf.Reflection;

namespace ArgoFlow.Services.Grpc;

/// <summary>
/// A request's parameters checked against the step catalogue - the same names, ranges, choices, defaults and
/// combination rules the spec validator and the generator use, so a service can never accept what the
/// generator rejects or the other way round. Proto3 zero values ("", 0, false, empty lists) mean "not given".
/// </summary>
public sealed class RequestParameters
{
    private readonly StepType _step;
    private readonly Dictionary<string, object?> _values;

    private RequestParameters(StepType step, Dictionary<string, object?> values)
    {
        _step = step;
        _values = values;
    }

    /// <summary>Checks every parameter; throws one InvalidArgument naming the first bad field and listing all problems.</summary>
    public static RequestParameters Validate(StepType step, IMessage request)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(request);
        var fields = request.Descriptor.Fields.InDeclarationOrder().ToDictionary(f => f.JsonName, StringComparer.Ordinal);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var problems = new List<ParameterProblem>();
        foreach (var input in step.Inputs.Where(i => i.Name == "image"))
        {
            if (fields[input.Field].Accessor.GetValue(request) is not string { Length: > 0 })
            {
                problems.Add(new(input.Field, "is required (a key, file:// or s3:// URI of the image)"));
            }
        }

        foreach (var parameter in step.Parameters)
        {
            var value = Read(fields[parameter.Name], request);
            values[parameter.Name] = value;
            problems.AddRange(Check(parameter, value));
        }

        if (problems.Count == 0)
        {
            problems.AddRange(step.CheckCombination(values));
        }

        if (problems.Count > 0)
        {
            var message = string.Join("; ", problems.Select(p => $"{p.Parameter}: {p.Message}"));
            throw new StepException(StepFailure.InvalidArgument, message, problems[0].Parameter);
        }

        return new RequestParameters(step, values);
    }

    public bool Has(string name) => _values.TryGetValue(name, out var v) && v is not null;

    public int Whole(string name) => Convert.ToInt32(Value(name), CultureInfo.InvariantCulture);

    public int? OptionalWhole(string name) => Has(name) ? Whole(name) : null;

    public double Number(string name) => Convert.ToDouble(Value(name), CultureInfo.InvariantCulture);

    public string Text(string name) => Value(name) as string ?? string.Empty;

    public bool Flag(string name) => Value(name) is true;

    public IReadOnlyList<string> TextList(string name) => Value(name) as IReadOnlyList<string> ?? [];

    private object? Value(string name) =>
        _values.TryGetValue(name, out var v) && v is not null ? v : _step.FindParameter(name)?.Default;

    private static object? Read(FieldDescriptor field, IMessage request)
    {
        var raw = field.Accessor.GetValue(request);
        return raw switch
        {
            int i => i == 0 ? null : (long)i,
            long l => l == 0 ? null : l,
            float f => f == 0 ? null : (double)f,
            double d => d == 0 ? null : d,
            string s => s.Length == 0 ? null : s,
            bool b => b ? true : null,
            RepeatedField<string> list => list.Count == 0 ? null : list.ToArray(),
            System.Collections.IList { Count: > 0 } boxes => boxes,
            _ => null,
        };
    }

    private static IEnumerable<ParameterProblem> Check(ParameterSpec parameter, object? value)
    {
        if (value is null)
        {
            yield break;
        }

        if (parameter.Kind == ParameterKind.Choice && value is string choice && !parameter.Choices.Contains(choice))
        {
            yield return new(parameter.Name, $"'{choice}' is not {parameter.Expected}");
        }

        if (parameter.Kind is ParameterKind.Whole or ParameterKind.Number)
        {
            var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
            if (double.IsNaN(number) || number < (parameter.Min ?? double.MinValue) || number > (parameter.Max ?? double.MaxValue))
            {
                yield return new(parameter.Name, string.Create(CultureInfo.InvariantCulture, $"must be {parameter.Expected}, got {number}"));
            }
        }
    }
}

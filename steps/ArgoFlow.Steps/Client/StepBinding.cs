using ArgoFlow.Contracts.V1;
using ArgoFlow.Core.Catalog;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace ArgoFlow.Steps.Client;

/// <summary>
/// How one step type is called: the gRPC method, its request/response descriptors and the request fields by
/// JSON name. Built from the catalogue's service and method names and the compiled .proto descriptors, so the
/// client calls exactly what the catalogue (and therefore the generator) names.
/// </summary>
public sealed class StepBinding
{
    /// <summary>The name of the fused pipeline "step type" used by plugin templates (<c>type: pipeline</c>).</summary>
    public const string PipelineTypeName = "pipeline";

    private static readonly FileDescriptor[] Files =
    [
        ResizeReflection.Descriptor, DetectReflection.Descriptor, FilterReflection.Descriptor, PipelineReflection.Descriptor,
    ];

    private static readonly Dictionary<string, StepBinding> ByName = Build();

    private StepBinding(string name, StepType? type, MethodDescriptor method)
    {
        Name = name;
        Type = type;
        RequestDescriptor = method.InputType;
        ResponseDescriptor = method.OutputType;
        RequestFields = method.InputType.Fields.InFieldNumberOrder().ToDictionary(f => f.JsonName, StringComparer.Ordinal);
        ResponseFields = method.OutputType.Fields.InFieldNumberOrder().ToDictionary(f => f.JsonName, StringComparer.Ordinal);
        Method = new Method<IMessage, IMessage>(
            MethodType.Unary,
            method.Service.FullName,
            method.Name,
            CreateMarshaller(method.InputType.Parser),
            CreateMarshaller(method.OutputType.Parser));
    }

    /// <summary>"resize", "detect", "filter" or "pipeline".</summary>
    public string Name { get; }

    /// <summary>The catalogue entry; null for the pipeline service.</summary>
    public StepType? Type { get; }

    public MessageDescriptor RequestDescriptor { get; }

    public MessageDescriptor ResponseDescriptor { get; }

    public IReadOnlyDictionary<string, FieldDescriptor> RequestFields { get; }

    public IReadOnlyDictionary<string, FieldDescriptor> ResponseFields { get; }

    public Method<IMessage, IMessage> Method { get; }

    /// <summary>Every binding: the catalogue's step types and the pipeline service.</summary>
    public static IReadOnlyCollection<StepBinding> All => ByName.Values;

    public static StepBinding For(StepType type) => ByName[type.Name];

    public static StepBinding? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>Reads a string field of a response by its JSON name (an output port's field); empty if unset.</summary>
    public string ReadResponseString(IMessage response, string jsonName) =>
        ResponseFields.TryGetValue(jsonName, out var field) && field.Accessor.GetValue(response) is string s ? s : string.Empty;

    private static Dictionary<string, StepBinding> Build()
    {
        var services = Files.SelectMany(f => f.Services).ToDictionary(s => s.FullName, StringComparer.Ordinal);
        var result = new Dictionary<string, StepBinding>(StringComparer.Ordinal);
        foreach (var type in StepCatalog.All)
        {
            var method = services[type.GrpcService].FindMethodByName(type.GrpcMethod)
                ?? throw new InvalidOperationException($"{type.GrpcPath} is not in the compiled contracts");
            result[type.Name] = new StepBinding(type.Name, type, method);
        }

        result[PipelineTypeName] = new StepBinding(PipelineTypeName, null, PipelineService.Descriptor.FindMethodByName("Run"));
        return result;
    }

    private static Marshaller<IMessage> CreateMarshaller(MessageParser parser) =>
        Marshallers.Create<IMessage>(
            (message, context) =>
            {
                context.SetPayloadLength(message.CalculateSize());
                message.WriteTo(context.GetBufferWriter());
                context.Complete();
            },
            context => parser.ParseFrom(context.PayloadAsReadOnlySequence()));
}

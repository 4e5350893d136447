using ArgoFlow.Contracts.V1;
using ArgoFlow.Core.Catalog;
using Google.Protobuf.Reflection;

namespace ArgoFlow.Core.Tests.Catalog;

/// <summary>The catalogue and the .proto files must name the same things, or generator and services disagree.</summary>
public sealed class CatalogMatchesContractsTests
{
    public static TheoryData<string> StepNames => new() { "resize", "detect", "filter" };

    private static (MessageDescriptor Request, MessageDescriptor Response, MethodDescriptor Method) Contract(string step) =>
        step switch
        {
            "resize" => (ResizeRequest.Descriptor, ResizeResponse.Descriptor, ResizeService.Descriptor.Methods[0]),
            "detect" => (DetectRequest.Descriptor, DetectResponse.Descriptor, DetectService.Descriptor.Methods[0]),
            _ => (FilterRequest.Descriptor, FilterResponse.Descriptor, FilterService.Descriptor.Methods[0]),
        };

    [Theory]
    [MemberData(nameof(StepNames))]
    public void Every_catalogue_parameter_is_a_request_field_with_a_matching_type(string step)
    {
        var type = StepCatalog.Find(step)!;
        var (request, _, _) = Contract(step);
        foreach (var parameter in type.Parameters)
        {
            var field = request.Fields.InDeclarationOrder().SingleOrDefault(f => f.JsonName == parameter.Name);
            Assert.True(field is not null, $"{step}.{parameter.Name} has no field in {request.FullName}");
            var expected = parameter.Kind switch
            {
                ParameterKind.Whole => [FieldType.Int32, FieldType.Int64],
                ParameterKind.Number => [FieldType.Float, FieldType.Double],
                ParameterKind.Boolean => [FieldType.Bool],
                ParameterKind.BoxList => [FieldType.Message],
                _ => new[] { FieldType.String },
            };
            Assert.Contains(field.FieldType, expected);
            var repeated = parameter.Kind is ParameterKind.TextList or ParameterKind.BoxList;
            Assert.Equal(repeated, field.IsRepeated);
        }
    }

    [Theory]
    [MemberData(nameof(StepNames))]
    public void Every_request_field_is_a_parameter_or_an_input(string step)
    {
        var type = StepCatalog.Find(step)!;
        var (request, _, _) = Contract(step);
        var known = type.Parameters.Select(p => p.Name).Concat(type.Inputs.Select(i => i.Field)).ToHashSet();
        foreach (var field in request.Fields.InDeclarationOrder())
        {
            Assert.True(known.Contains(field.JsonName), $"{request.FullName}.{field.JsonName} is not in the {step} catalogue entry");
        }
    }

    [Theory]
    [MemberData(nameof(StepNames))]
    public void Outputs_name_response_fields_and_routes_match_the_http_rule(string step)
    {
        var type = StepCatalog.Find(step)!;
        var (_, response, method) = Contract(step);
        foreach (var output in type.Outputs)
        {
            Assert.Contains(response.Fields.InDeclarationOrder(), f => f.JsonName == output.Field);
        }

        Assert.Equal(type.GrpcService, method.Service.FullName);
        Assert.Equal(type.GrpcMethod, method.Name);
        var rule = method.GetOptions().GetExtension(Google.Api.AnnotationsExtensions.Http);
        Assert.Equal(type.HttpRoute, rule.Post);
        Assert.Equal("*", rule.Body);
    }
}

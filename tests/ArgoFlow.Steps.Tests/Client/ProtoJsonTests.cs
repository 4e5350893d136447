using ArgoFlow.Contracts.V1;
using ArgoFlow.Steps.Client;

namespace ArgoFlow.Steps.Tests.Client;

public sealed class ProtoJsonTests
{
    [Fact]
    public void Writes_camel_case_names_defaults_and_int64_as_a_number_like_the_json_routes()
    {
        var json = ProtoJson.Format(new ResizeResponse { Output = "s3://b/k.jpg", Width = 640, Bytes = 12345678901 });

        Assert.Equal(
            """{"output":"s3://b/k.jpg","width":640,"height":0,"sourceWidth":0,"sourceHeight":0,"bytes":12345678901,"instance":""}""",
            json);
    }

    [Fact]
    public void Writes_nested_messages_repeated_fields_and_floats_in_shortest_form()
    {
        var response = new DetectResponse { Timing = new Timing { TotalMs = 1.5 } };
        response.Detections.Add(new Detection { ClassName = "person", Score = 0.8671f, Box = new Box { X1 = 1 } });

        var json = ProtoJson.Format(response);

        Assert.StartsWith(
            """{"detections":[{"classId":0,"className":"person","score":0.8671,"box":{"x1":1,"y1":0,"x2":0,"y2":0}}],""",
            json,
            StringComparison.Ordinal);
        Assert.Contains("""
            "timing":{"downloadMs":0,"decodeMs":0,"processMs":0,"encodeMs":0,"uploadMs":0,"totalMs":1.5}
            """, json, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_only_the_set_case_of_a_oneof_and_maps_as_objects()
    {
        var step = new StepResult { Name = "a", Filter = new FilterResponse { Output = "o" } };
        var request = new RunPipelineRequest { Spec = "x" };
        request.Parameters["input"] = "in.jpg";

        Assert.Contains("\"filter\":{\"output\":\"o\"", ProtoJson.Format(step), StringComparison.Ordinal);
        Assert.DoesNotContain("\"resize\"", ProtoJson.Format(step), StringComparison.Ordinal);
        Assert.Equal("""{"spec":"x","parameters":{"input":"in.jpg"},"steps":[]}""", ProtoJson.Format(request));
    }
}

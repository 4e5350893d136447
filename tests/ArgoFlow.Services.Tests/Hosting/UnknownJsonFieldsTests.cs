using System.Text.Json;
using ArgoFlow.Contracts.V1;
using ArgoFlow.Services.Hosting;

namespace ArgoFlow.Services.Tests.Hosting;

public sealed class UnknownJsonFieldsTests
{
    [Fact]
    public void Map_keys_are_free_but_a_misspelt_top_level_member_of_a_pipeline_run_is_found()
    {
        using var body = JsonDocument.Parse("""{"spec": "x", "parameters": {"input": "a", "anything": "b"}, "paramters": {}, "steps": ["resize"]}""");

        var unknown = UnknownJsonFields.Find(body.RootElement, RunPipelineRequest.Descriptor);

        var only = Assert.Single(unknown);
        Assert.Equal("paramters", only.Path);
        Assert.Same(RunPipelineRequest.Descriptor, only.Message);
    }

    [Fact]
    public void A_body_using_only_declared_fields_has_no_unknown_members()
    {
        using var body = JsonDocument.Parse("""{"input": "in/0.jpg", "operation": "blurRegions", "regions": [{"x1": 0, "y2": 3}], "region_classes": ["person"], "blockSize": null}""");

        Assert.Empty(UnknownJsonFields.Find(body.RootElement, FilterRequest.Descriptor));
    }
}

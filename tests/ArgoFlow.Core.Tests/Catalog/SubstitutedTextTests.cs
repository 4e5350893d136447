using System.Text.Json.Nodes;
using ArgoFlow.Core.Catalog;

namespace ArgoFlow.Core.Tests.Catalog;

/// <summary>Text Argo substituted into a typed field, read as the catalogue's type for every kind.</summary>
public sealed class SubstitutedTextTests
{
    [Theory]
    [InlineData("resize", "maxSide", "640", "640")]
    [InlineData("resize", "maxSide", " 640 ", "640")]
    [InlineData("detect", "scoreThreshold", "0.4", "0.4")]
    [InlineData("detect", "annotate", "true", "true")]
    [InlineData("detect", "annotate", "False", "false")]
    [InlineData("detect", "classes", "[\"person\", \"car\"]", "[\"person\",\"car\"]")]
    [InlineData("detect", "classes", "person, car", "[\"person\",\"car\"]")]
    [InlineData("detect", "model", "[not a list]", "\"[not a list]\"")]
    [InlineData("filter", "regions", "[{\"x1\": 1, \"y1\": 2, \"x2\": 3, \"y2\": 4}]", "[{\"x1\":1,\"y1\":2,\"x2\":3,\"y2\":4}]")]
    [InlineData("filter", "regions", "1,2,3,4;5,6,7,8", "[{\"x1\":1,\"y1\":2,\"x2\":3,\"y2\":4},{\"x1\":5,\"y1\":6,\"x2\":7,\"y2\":8}]")]
    public void Text_is_read_as_the_kind(string type, string parameter, string text, string json) =>
        Assert.Equal(json, SubstitutedText.Read(StepCatalog.Find(type)!.FindParameter(parameter)!, text)!.ToJsonString());

    [Theory]
    [InlineData("resize", "maxSide", "6.5")]
    [InlineData("resize", "maxSide", "")]
    [InlineData("detect", "scoreThreshold", "NaN")]
    [InlineData("detect", "annotate", "yes")]
    [InlineData("detect", "classes", "[\"person\", 3]")]
    [InlineData("detect", "classes", "[person")]
    [InlineData("filter", "regions", "[{\"x1\": 1, \"y1\": 2, \"x2\": 3}]")]
    [InlineData("filter", "regions", "1,2,3")]
    public void Text_that_is_not_the_kind_is_not_read(string type, string parameter, string text) =>
        Assert.Null(SubstitutedText.Read(StepCatalog.Find(type)!.FindParameter(parameter)!, text));

    [Fact]
    public void A_request_is_normalized_in_place_and_every_unreadable_value_is_named_with_its_text()
    {
        var request = new JsonObject
        {
            ["input"] = "in/a.jpg",
            ["scoreThreshold"] = "0.4",
            ["classes"] = "[\"person\"]",
            ["annotate"] = "maybe",
            ["maxDetections"] = "ten",
            ["iouThreshold"] = 0.5,
        };

        var problems = SubstitutedText.Normalize(StepCatalog.Find("detect")!, request);

        Assert.Equal(
            ["maxDetections: expected an integer in 1..10000, got 'ten'", "annotate: expected true or false, got 'maybe'"],
            problems);
        Assert.Equal(0.4, request["scoreThreshold"]!.GetValue<double>());
        Assert.Equal("person", (string?)request["classes"]![0]);
        Assert.Equal("in/a.jpg", (string?)request["input"]);
    }
}

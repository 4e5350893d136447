using ArgoFlow.Contracts.V1;
using ArgoFlow.Core.Catalog;
using ArgoFlow.Core.Errors;
using ArgoFlow.Steps.Client;
using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Steps.Tests.Client;

public sealed class StepRequestFactoryTests
{
    private static readonly Dictionary<string, string> NoInputs = [];

    [Fact]
    public void Spec_values_land_in_the_request_fields_named_by_the_catalogue()
    {
        var request = (ResizeRequest)StepRequestFactory.Create(
            StepCatalog.Resize,
            new Dictionary<string, object?> { ["width"] = 640L, ["height"] = 360L, ["fit"] = "fill", ["quality"] = 80L },
            new Dictionary<string, string> { ["image"] = "s3://images/a.jpg" },
            "step 'resize'");

        Assert.Equal(new ResizeRequest { Input = "s3://images/a.jpg", Width = 640, Height = 360, Fit = "fill", Quality = 80 }, request);
    }

    [Fact]
    public void Lists_boxes_numbers_and_the_regions_input_are_converted_for_filter()
    {
        var request = (FilterRequest)StepRequestFactory.Create(
            StepCatalog.Filter,
            new Dictionary<string, object?>
            {
                ["operation"] = "pixelateRegions",
                ["regions"] = new List<BoxValue> { new(1, 2, 3, 4) },
                ["regionClasses"] = new List<string> { "person", "car" },
                ["sigma"] = 2L,
                ["blockSize"] = 8L,
            },
            new Dictionary<string, string> { ["image"] = "a.jpg", ["regions"] = "a.detections.json" },
            "step 'filter'");

        Assert.Equal("a.detections.json", request.RegionsUri);
        Assert.Equal(new Box { X1 = 1, Y1 = 2, X2 = 3, Y2 = 4 }, Assert.Single(request.Regions));
        Assert.Equal(["person", "car"], request.RegionClasses);
        Assert.Equal(2.0, request.Sigma);
        Assert.Equal(8, request.BlockSize);
    }

    [Fact]
    public void Every_catalogue_parameter_and_input_maps_to_a_request_field()
    {
        foreach (var type in StepCatalog.All)
        {
            var binding = StepBinding.For(type);
            Assert.All(type.Parameters, p => Assert.True(binding.RequestFields.ContainsKey(p.Name), $"{type.Name}.{p.Name}"));
            Assert.All(type.Inputs, p => Assert.True(binding.RequestFields.ContainsKey(p.Field), $"{type.Name} input {p.Name}"));
            Assert.All(type.Outputs, p => Assert.True(binding.ResponseFields.ContainsKey(p.Field), $"{type.Name} output {p.Name}"));
        }
    }

    [Fact]
    public void An_unknown_parameter_is_invalid_input_naming_the_step_and_the_known_ones()
    {
        var ex = Assert.Throws<ArgoFlowException>(() => StepRequestFactory.Create(
            StepCatalog.Resize, new Dictionary<string, object?> { ["widht"] = 1L }, NoInputs, "step 'shrink'"));

        Assert.Equal(ExitCode.InvalidInput, ex.ExitCode);
        Assert.Equal("step 'shrink': 'widht' is not a parameter of resize", ex.Message);
        Assert.Contains("width", ex.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("width", "wide")]
    [InlineData("width", 1.5)]
    [InlineData("fit", 3L)]
    [InlineData("width", 3_000_000_000L)]
    public void A_value_of_the_wrong_kind_is_invalid_input_naming_the_field(string name, object value)
    {
        var ex = Assert.Throws<ArgoFlowException>(() => StepRequestFactory.Create(
            StepCatalog.Resize, new Dictionary<string, object?> { [name] = value }, NoInputs, "step 'shrink'"));

        Assert.Equal(ExitCode.InvalidInput, ex.ExitCode);
        Assert.StartsWith($"step 'shrink': {name}: expected", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_input_port_is_invalid_input()
    {
        var ex = Assert.Throws<ArgoFlowException>(() => StepRequestFactory.Create(
            StepCatalog.Resize, new Dictionary<string, object?>(), new Dictionary<string, string> { ["regions"] = "x" }, "step 'r'"));

        Assert.Equal("step 'r': 'regions' is not an input of resize", ex.Message);
    }

    [Theory]
    [InlineData("width", "640", 640L)]
    [InlineData("fit", "fill", "fill")]
    [InlineData("annotate", "true", true)]
    public void Text_values_parse_to_the_kind_the_catalogue_declares(string name, string text, object expected)
    {
        var type = name == "annotate" ? StepCatalog.Detect : StepCatalog.Resize;

        Assert.Equal(expected, StepValueParser.Parse(type.FindParameter(name)!, text, "--" + name));
    }

    [Theory]
    [InlineData("width", "0")]
    [InlineData("width", "99999")]
    [InlineData("width", "ten")]
    [InlineData("fit", "squash")]
    public void Text_values_out_of_range_or_choice_are_rejected_with_what_is_expected(string name, string text)
    {
        var ex = Assert.Throws<ArgoFlowException>(() => StepValueParser.Parse(StepCatalog.Resize.FindParameter(name)!, text, "--" + name));

        Assert.Equal(ExitCode.InvalidInput, ex.ExitCode);
        Assert.StartsWith($"--{name}: expected", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Boxes_parse_from_semicolon_separated_quadruples()
    {
        var boxes = StepValueParser.Parse(StepCatalog.Filter.FindParameter("regions")!, "1,2,3,4; 5,6,7,8", "--regions");

        Assert.Equal([new BoxValue(1, 2, 3, 4), new BoxValue(5, 6, 7, 8)], (List<BoxValue>)boxes);
    }
}

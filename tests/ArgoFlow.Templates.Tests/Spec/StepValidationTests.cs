namespace ArgoFlow.Templates.Tests.Spec;

/// <summary>Every kind of step error, each with its file:line:column, path and message. Steps start at line 10.</summary>
public sealed class StepValidationTests
{
    [Fact]
    public void Unknown_step_type_suggests_the_closest_type()
    {
        SpecAssert.Single(SpecText.With("""
              - name: a
                type: resise
                with: {width: 10}
            """), 11, 11, "spec.steps[0].type", "unknown step type 'resise'; did you mean 'resize'? (expected one of resize, detect, filter)");
    }

    [Fact]
    public void An_unknown_class_of_the_default_model_names_the_closest_labels()
    {
        SpecAssert.Single(SpecText.With("""
              - name: a
                type: detect
                with:
                  classes: [person, persn]
            """), 13, 16, "spec.steps[0].with.classes[1]",
            "'persn' is not a class of the default model (FastestDet, the 80 COCO labels); closest: person; name the step's model to use another model's labels");
    }

    [Fact]
    public void Classes_of_a_named_model_are_left_to_the_service_that_knows_its_labels() =>
        Assert.NotNull(ArgoFlow.Templates.Spec.PipelineSpecReader.Read(SpecText.With("""
              - name: a
                type: detect
                with:
                  model: helmets
                  classes: [helmet]
            """), SpecAssert.Source));

    [Fact]
    public void Enlarge_without_max_side_is_an_error()
    {
        SpecAssert.Single(SpecText.With("""
              - name: a
                type: resize
                with:
                  width: 10
                  enlarge: true
            """), 14, 16, "spec.steps[0].with.enlarge", "applies to maxSide only (width and height are exact targets)");
    }

    [Fact]
    public void Unknown_parameter_suggests_the_closest_parameter()
    {
        SpecAssert.Single(SpecText.With("""
              - name: a
                type: resize
                with:
                  widht: 10
            """), 13, 7, "spec.steps[0].with.widht", "resize has no parameter 'widht'; did you mean 'width'?");
    }

    [Fact]
    public void Text_where_an_integer_is_expected_is_reported_with_the_expected_range()
    {
        SpecAssert.Single(SpecText.With("""
              - name: a
                type: resize
                with:
                  width: wide
            """), 13, 14, "spec.steps[0].with.width", "expected an integer in 1..16384, found a string 'wide'");
    }

    [Fact]
    public void Quoted_number_is_text_not_an_integer()
    {
        SpecAssert.Single(SpecText.With("""
              - name: a
                type: resize
                with:
                  width: "640"
            """), 13, 14, "spec.steps[0].with.width", "expected an integer in 1..16384");
    }

    [Fact]
    public void Value_out_of_range_is_reported()
    {
        SpecAssert.Single(SpecText.With("""
              - name: a
                type: detect
                with:
                  scoreThreshold: 1.5
            """), 13, 23, "spec.steps[0].with.scoreThreshold", "expected a number in 0..1, found a number '1.5'");
    }

    [Fact]
    public void Value_not_among_the_choices_lists_them()
    {
        SpecAssert.Single(SpecText.With("""
              - name: a
                type: filter
                with:
                  operation: blurr
            """), 13, 18, "spec.steps[0].with.operation", "expected one of gaussianBlur, medianBlur");
    }

    [Fact]
    public void Catalogue_combination_rule_is_reported_at_the_parameter()
    {
        SpecAssert.Single(SpecText.With("""
              - name: a
                type: filter
                with:
                  operation: medianBlur
                  kernelSize: 4
            """), 14, 19, "spec.steps[0].with.kernelSize", "must be odd");
    }

    [Fact]
    public void Resize_without_any_size_is_reported_at_the_with_block()
    {
        SpecAssert.Single(SpecText.With("""
              - name: a
                type: resize
                with:
                  fit: fit
            """), 13, 7, "spec.steps[0].with.width", "resize needs width and/or height, or maxSide");
    }

    [Fact]
    public void Box_list_needs_four_ordered_coordinates()
    {
        SpecAssert.Single(SpecText.With("""
              - name: a
                type: filter
                with:
                  operation: blurRegions
                  regions: [{x1: 10, y1: 10, x2: 5, y2: 20}]
            """), 14, 16, "spec.steps[0].with.regions", "expected a list of boxes {x1, y1, x2, y2}");
    }

    [Fact]
    public void Duplicate_step_name_points_at_the_second_one_and_names_the_first()
    {
        SpecAssert.Single(SpecText.With("""
              - name: a
                type: filter
                with: {operation: grayscale}
              - name: a
                type: filter
                with: {operation: edges}
            """), 13, 11, "spec.steps[1].name", "duplicate step name 'a' (first used by spec.steps[0] at line 10)");
    }

    [Theory]
    [InlineData("Resize", "'Resize' is not a valid name")]
    [InlineData("-a", "'-a' is not a valid name")]
    [InlineData("a_b", "'a_b' is not a valid name")]
    public void Step_name_that_is_not_dns_1123_is_rejected(string name, string message)
    {
        SpecAssert.Single(SpecText.With($"""
              - name: {name}
                type: filter
                with: {"{"}operation: grayscale{"}"}
            """), 10, 11, "spec.steps[0].name", message);
    }

    [Fact]
    public void Step_name_longer_than_128_characters_is_rejected()
    {
        var name = new string('a', 129);
        SpecAssert.Single(SpecText.With($"""
              - name: {name}
                type: filter
                with: {"{"}operation: grayscale{"}"}
            """), 10, 11, "spec.steps[0].name", "is 129 characters; at most 128 allowed");
    }

    [Fact]
    public void More_than_200_steps_are_rejected()
    {
        var steps = string.Concat(Enumerable.Range(0, 201).Select(i => $"  - {{name: s{i}, type: filter, with: {{operation: grayscale}}}}\n"));
        SpecAssert.Single(SpecText.With(steps), 10, 3, "spec.steps", "201 steps; at most 200 allowed");
    }

    [Fact]
    public void Missing_type_and_name_are_both_reported()
    {
        var problems = SpecAssert.Problems(SpecText.With("""
              - with: {operation: grayscale}
            """));

        Assert.Equal(["spec.steps[0].name: is required", "spec.steps[0].type: is required"], problems.Select(p => $"{p.Path}: {p.Message}"));
        Assert.All(problems, p => Assert.Equal(10, p.Location.Line));
    }

    [Fact]
    public void Every_problem_is_reported_at_once_in_line_order()
    {
        var problems = SpecAssert.Problems(SpecText.With("""
              - name: a
                type: resize
                with: {width: 0}
              - name: b
                type: detect
                with: {scoreThreshold: -1, nms: 1}
              - name: c
                type: filtre
            """));

        Assert.Equal(
            ["12:19 spec.steps[0].with.width", "15:28 spec.steps[1].with.scoreThreshold", "15:32 spec.steps[1].with.nms", "17:11 spec.steps[2].type"],
            problems.Select(p => $"{p.Location.Line}:{p.Location.Column} {p.Path}"));
    }
}

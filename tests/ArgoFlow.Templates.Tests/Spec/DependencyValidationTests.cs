using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Templates.Tests.Spec;

/// <summary>Order and data-flow errors: dependsOn, references to other steps' outputs and to parameters.</summary>
public sealed class DependencyValidationTests
{
    [Fact]
    public void Unknown_dependency_suggests_the_closest_step()
    {
        SpecAssert.Single(SpecText.With("""
              - name: resize
                type: resize
                with: {maxSide: 100}
              - name: blur
                type: filter
                dependsOn: [resise]
                with: {operation: gaussianBlur}
            """), 15, 17, "spec.steps[1].dependsOn[0]", "unknown step 'resise'; did you mean 'resize'?");
    }

    [Fact]
    public void Dependency_cycle_is_reported_with_its_path()
    {
        var problem = SpecAssert.Single(SpecText.With("""
              - name: a
                type: filter
                dependsOn: [c]
                with: {operation: grayscale}
              - name: b
                type: filter
                dependsOn: [a]
                with: {operation: edges}
              - name: c
                type: filter
                dependsOn: [b]
                with: {operation: sharpen}
            """), 12, 16, "spec.steps[0].dependsOn", "dependency cycle:");

        Assert.Contains("a -> b -> c -> a", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_depending_on_itself_is_rejected()
    {
        SpecAssert.Single(SpecText.With("""
              - name: a
                type: filter
                dependsOn: [a]
                with: {operation: grayscale}
            """), 12, 17, "spec.steps[0].dependsOn[0]", "step 'a' cannot depend on itself");
    }

    [Fact]
    public void Reading_a_later_step_that_is_not_a_dependency_is_rejected()
    {
        SpecAssert.Single(SpecText.With("""
              - name: first
                type: filter
                inputs: {image: steps.second.image}
                with: {operation: grayscale}
              - name: second
                type: resize
                dependsOn: []
                with: {maxSide: 10}
            """), 12, 21, "spec.steps[0].inputs.image", "reads step 'second', which does not run before 'first': list it earlier or add it to dependsOn");
    }

    [Fact]
    public void Reading_an_earlier_step_makes_it_a_dependency()
    {
        var spec = PipelineSpecReader.Read(SpecText.With("""
              - name: resize
                type: resize
                with: {maxSide: 10}
              - name: gray
                type: filter
                dependsOn: []
                inputs: {image: steps.resize.image}
                with: {operation: grayscale}
            """), "spec.yaml");

        Assert.Equal(["resize"], spec.FindStep("gray")!.DependsOn);
    }

    [Fact]
    public void Unknown_output_suggests_the_closest_output()
    {
        SpecAssert.Single(SpecText.With("""
              - name: find
                type: detect
              - name: blur
                type: filter
                inputs: {regions: steps.find.detection}
                with: {operation: blurRegions}
            """), 14, 23, "spec.steps[1].inputs.regions", "detect step 'find' has no output 'detection'; did you mean 'detections'?");
    }

    [Fact]
    public void Regions_from_an_image_output_are_rejected()
    {
        SpecAssert.Single(SpecText.With("""
              - name: resize
                type: resize
                with: {maxSide: 10}
              - name: blur
                type: filter
                inputs: {regions: steps.resize.image}
                with: {operation: blurRegions}
            """), 15, 23, "spec.steps[1].inputs.regions", "input 'regions' needs a detections output (e.g. steps.resize.detections), not 'image'");
    }

    [Fact]
    public void Unknown_input_port_suggests_the_closest_port()
    {
        SpecAssert.Single(SpecText.With("""
              - name: blur
                type: filter
                inputs: {imag: params.input}
                with: {operation: grayscale}
            """), 12, 14, "spec.steps[0].inputs.imag", "filter has no input 'imag'; did you mean 'image'?");
    }

    [Fact]
    public void Undeclared_parameter_reference_in_with_suggests_a_declared_one()
    {
        SpecAssert.Single(SpecText.With("""
              - name: a
                type: resize
                with: {maxSide: params.inptu}
            """), 12, 21, "spec.steps[0].with.maxSide", "refers to an undeclared workflow parameter 'inptu'; did you mean 'input'?");
    }

    [Fact]
    public void Parameter_reference_in_with_is_kept_for_run_time()
    {
        var text = SpecText.With("""
              - name: a
                type: resize
                with: {maxSide: params.side}
            """).Replace("  steps:\n", "    - name: side\n      value: \"640\"\n  steps:\n", StringComparison.Ordinal);
        var spec = PipelineSpecReader.Read(text, "spec.yaml");

        Assert.Equal(new ParameterRef("side"), spec.Steps[0].With["maxSide"]);
    }

    [Fact]
    public void Malformed_step_reference_explains_the_syntax()
    {
        SpecAssert.Single(SpecText.With("""
              - name: a
                type: filter
                inputs: {image: steps.resize}
                with: {operation: grayscale}
            """), 12, 21, "spec.steps[0].inputs.image", "write steps.STEP.OUTPUT");
    }

    [Fact]
    public void Turning_off_detections_that_a_later_step_reads_is_rejected()
    {
        SpecAssert.Single(SpecText.With("""
              - name: find
                type: detect
                with: {writeDetections: false}
              - name: blur
                type: filter
                inputs: {regions: steps.find.detections}
                with: {operation: blurRegions}
            """), 12, 29, "spec.steps[0].with.writeDetections", "must be true: step 'blur' reads this step's output");
    }

    [Fact]
    public void Default_image_of_a_root_step_is_the_input_parameter()
    {
        var spec = PipelineSpecReader.Read(SpecText.With("""
              - name: a
                type: resize
                with: {maxSide: 10}
              - name: b
                type: filter
                dependsOn: []
                with: {operation: grayscale}
            """), "spec.yaml");

        Assert.Equal(new ParameterRef("input"), spec.FindStep("b")!.Inputs["image"]);
        Assert.Empty(spec.FindStep("b")!.DependsOn);
    }
}

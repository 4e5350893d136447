using ArgoFlow.Bench.Local;
using ArgoFlow.Core.Errors;
using ArgoFlow.Services.Imaging;
using ArgoFlow.TestSupport;

namespace ArgoFlow.Bench.Tests.Local;

public sealed class BenchInputsTests
{
    [Fact]
    public void Default_input_is_a_complete_1920x1080_jpeg_built_from_the_shared_photos()
    {
        using var temp = new TempDirectory();
        var path = BenchInputs.CreateDefault(SharedData.ImagesDir, temp.Combine("in.jpg"));
        var header = ImageHeader.TryRead(File.ReadAllBytes(path));
        Assert.Equal(("jpeg", 1920, 1080, true), (header!.Value.Format, header.Value.Width, header.Value.Height, header.Value.Complete));
    }

    [Fact]
    public void Default_input_is_a_plain_jpeg_without_restart_markers_like_a_cameras()
    {
        using var temp = new TempDirectory();
        var bytes = File.ReadAllBytes(BenchInputs.CreateDefault(SharedData.ImagesDir, temp.Combine("in.jpg")));

        // No DRI segment: no decoder shortcut (or ArgoFlow's own strip encoding) applies to the reference input.
        Assert.False(bytes.AsSpan().IndexOf((ReadOnlySpan<byte>)[0xFF, 0xDD]) >= 0);
    }

    [Fact]
    public void Input_folder_yields_its_images_sorted_by_name()
    {
        using var temp = new TempDirectory();
        File.Copy(SharedData.Image("1.jpg"), temp.Combine("b.jpg"));
        File.Copy(SharedData.Image("0.jpg"), temp.Combine("a.jpg"));
        File.WriteAllText(temp.Combine("notes.txt"), "not an image");
        Assert.Equal([temp.Combine("a.jpg"), temp.Combine("b.jpg")], BenchInputs.Resolve(temp.Path));
    }

    [Theory]
    [InlineData("missing.jpg", "no such file or folder")]
    [InlineData("empty", "has no .jpg")]
    [InlineData("broken.jpg", "not a complete JPEG")]
    public void Bad_inputs_are_invalid_input_naming_the_path(string name, string message)
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("empty"));
        File.WriteAllBytes(temp.Combine("broken.jpg"), File.ReadAllBytes(SharedData.Image("0.jpg"))[..1000]);
        var error = Assert.Throws<ArgoFlowException>(() => BenchInputs.Resolve(temp.Combine(name)));
        Assert.Equal(ExitCode.InvalidInput, error.ExitCode);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }
}

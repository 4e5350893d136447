using ArgoFlow.Services.Detect;
using OpenCvSharp;

namespace ArgoFlow.Services.Tests.Detect;

/// <summary>Annotated copies drawn on synthetic grey images; the assertions are facts about pixels.</summary>
public sealed class AnnotatorTests
{
    private static readonly Vec3b Grey = new(50, 50, 50);

    private static Mat Blank(int width, int height) => new(height, width, MatType.CV_8UC3, new Scalar(50, 50, 50));

    private static DetectedObject Person(float x1, float y1, float x2, float y2) => new(0, "person", 0.91f, x1, y1, x2, y2);

    private static Vec3b ColourOf(int classId)
    {
        var c = Annotator.Colour(classId);
        return new Vec3b((byte)c.Val0, (byte)c.Val1, (byte)c.Val2);
    }

    [Fact]
    public void A_box_reaching_outside_the_image_is_drawn_clipped_along_the_edges_it_crosses()
    {
        using var image = Blank(200, 100);

        using var drawn = Annotator.Draw(image, [Person(-50, 40, 120, 300)]);

        // Left edge (x = 0) and bottom edge (y = 99) carry the box line; the original is untouched.
        Assert.Equal(ColourOf(0), drawn.At<Vec3b>(70, 0));
        Assert.Equal(ColourOf(0), drawn.At<Vec3b>(99, 60));
        Assert.Equal(ColourOf(0), drawn.At<Vec3b>(70, 119));
        Assert.Equal(Grey, drawn.At<Vec3b>(70, 60));
        Assert.Equal(Grey, image.At<Vec3b>(70, 0));
    }

    [Fact]
    public void Boxes_entirely_outside_or_degenerate_draw_nothing_and_do_not_throw()
    {
        using var image = Blank(64, 48);

        using var drawn = Annotator.Draw(image, [
            Person(100, 100, 200, 200), Person(-30, -30, -1, -1), Person(10, 10, 10, 30), Person(float.NaN, 0, 5, 5)]);

        Assert.Equal(0, Cv2.Norm(drawn, image, NormTypes.L1));
    }

    [Fact]
    public void A_box_at_the_top_edge_gets_its_label_inside_on_a_filled_background()
    {
        using var image = Blank(400, 300);

        using var drawn = Annotator.Draw(image, [Person(100, 0, 300, 200)]);

        var style = AnnotationStyle.For(400, 300);
        var text = Cv2.GetTextSize("person 0.91", HersheyFonts.HersheySimplex, style.FontScale, style.TextThickness, out var baseline);
        var label = Annotator.LabelRect(new Rect(100, 0, 200, 200), new Size(text.Width + 2 * style.LineWidth, text.Height + baseline + 2 * style.LineWidth), 400, 300);
        Assert.Equal(new Point(100, 0), label.TopLeft);
        using var area = new Mat(drawn, label);
        var pixels = CountColours(area);
        // The label is the box colour with text in the contrasting colour: no image grey left inside it.
        Assert.False(pixels.ContainsKey(Grey));
        Assert.True(pixels.GetValueOrDefault(ColourOf(0)) > label.Width * label.Height / 2);
        Assert.Contains(pixels.Keys, p => p != ColourOf(0));
    }

    [Fact]
    public void A_label_with_room_above_the_box_sits_above_it()
    {
        var label = Annotator.LabelRect(new Rect(50, 80, 100, 100), new Size(60, 20), 400, 300);

        Assert.Equal(new Rect(50, 60, 60, 20), label);
    }

    [Fact]
    public void A_label_near_the_right_edge_or_wider_than_the_image_stays_inside_it()
    {
        Assert.Equal(new Rect(340, 0, 60, 20), Annotator.LabelRect(new Rect(390, 0, 10, 10), new Size(60, 20), 400, 300));
        Assert.Equal(new Rect(0, 5, 40, 20), Annotator.LabelRect(new Rect(5, 5, 10, 10), new Size(90, 20), 40, 30));

        using var tiny = Blank(40, 30);
        using var drawn = Annotator.Draw(tiny, [Person(30, 20, 40, 30)]);

        Assert.Equal(ColourOf(0), drawn.At<Vec3b>(29, 39));
    }

    [Theory]
    [InlineData(320, 240, 1, 0.35)]
    [InlineData(640, 480, 2, 0.5)]
    [InlineData(4000, 3000, 9, 3.125)]
    public void Line_width_and_text_grow_with_the_image(int width, int height, int line, double font)
    {
        var style = AnnotationStyle.For(width, height);

        Assert.Equal(line, style.LineWidth);
        Assert.Equal(font, style.FontScale, 3);
    }

    [Fact]
    public void Text_is_dark_on_light_labels_and_light_on_dark_ones()
    {
        Assert.Equal(Scalar.Black, Annotator.TextColour(new Scalar(240, 240, 240)));
        Assert.Equal(Scalar.White, Annotator.TextColour(new Scalar(20, 20, 120)));
    }

    private static Dictionary<Vec3b, int> CountColours(Mat area)
    {
        var counts = new Dictionary<Vec3b, int>();
        var (rows, cols) = (area.Rows, area.Cols);
        for (var y = 0; y < rows; y++)
        {
            for (var x = 0; x < cols; x++)
            {
                var p = area.At<Vec3b>(y, x);
                counts[p] = counts.GetValueOrDefault(p) + 1;
            }
        }

        return counts;
    }
}

using System.Text.Json.Nodes;
using ArgoFlow.Cli.Commands;
using ArgoFlow.Steps.Runner;
using static ArgoFlow.Cli.Tests.Run.RunReports;

namespace ArgoFlow.Cli.Tests.Run;

/// <summary>The summary `argoflow run` prints on stderr, rendered at a given width, and the same facts in -o json.</summary>
public sealed class RunSummaryTests
{
    private static string[] Render(RunReport report, int width, bool quiet = false)
    {
        using var stderr = new StringWriter();
        RunSummary.Write(stderr, report, quiet, width);
        return stderr.ToString().Split(Environment.NewLine);
    }

    private static void AssertFits(string[] lines, int width) =>
        Assert.All(lines, line => Assert.True(line.Length <= width, $"{line.Length} columns: '{line}'"));

    /// <summary>The word stands whole in one line, with no other letters glued to either side.</summary>
    private static void AssertIntact(string[] lines, string word) =>
        Assert.Contains(lines, line => System.Text.RegularExpressions.Regex.IsMatch(line, $@"(^|\s){System.Text.RegularExpressions.Regex.Escape(word)}(\s|,|$)"));

    [Fact]
    public void One_run_at_80_columns_fits_with_every_step_name_and_status_whole()
    {
        var lines = Render(Of(Classic1("a", "person")), 80);

        AssertFits(lines, 80);
        foreach (var word in new[] { "resize", "detect", "filter", "Succeeded", "service", "client" })
        {
            AssertIntact(lines, word);
        }

        Assert.Equal(3, lines.Count(l => l.Contains("Succeeded", StringComparison.Ordinal) && l.Contains("2072.5", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("pipeline classic: Succeeded in 2345.6 ms", StringComparison.Ordinal));
    }

    [Fact]
    public void At_200_columns_every_service_stage_has_its_column()
    {
        var lines = Render(Of(Classic1()), 200);

        var header = Assert.Single(lines, l => l.Contains("download", StringComparison.Ordinal));
        Assert.Matches(@"step\s+type\s+status\s+tries\s+download\s+decode\s+process\s+encode\s+upload\s+total\s+client", header);
    }

    [Fact]
    public void Many_runs_with_failures_at_80_columns_keep_names_and_counted_statuses_on_one_line()
    {
        var runs = Enumerable.Range(0, 998).Select(i => Classic1($"p{i}", "person"))
            .Append(RunReports.Run("bad", Ok("resize", "resize"), Failed("detect", "detect"), Skipped("filter", "filter")))
            .Append(RunReports.Run("worse", Failed("resize", "resize"), Skipped("detect", "detect"), Skipped("filter", "filter")))
            .Select(r => r with { Steps = r.Steps.Select(s => s with { Name = s.Name + "-people" }).ToList() })
            .ToArray();

        var lines = Render(Of(runs), 80);

        AssertFits(lines.Where(l => !l.StartsWith("error:", StringComparison.Ordinal)).ToArray(), 80);
        AssertIntact(lines, "resize-people");
        AssertIntact(lines, "detect-people");
        AssertIntact(lines, "filter-people");
        Assert.Contains(lines, l => l.Contains("999/1000 ok, 1 failed", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("998/1000 ok, 1 failed, 1 skipped", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("998/1000 ok, 2 skipped", StringComparison.Ordinal));
    }

    [Fact]
    public void Step_names_too_long_for_any_table_go_on_their_own_lines()
    {
        var name = new string('x', 60) + "-detect";
        var run = RunReports.Run("a", Ok(name, "detect"), Failed("filter", "filter"));

        var lines = Render(Of(run), 80);

        AssertFits(lines.Where(l => !l.StartsWith("error:", StringComparison.Ordinal)).ToArray(), 80);
        Assert.Contains(name, lines);
        Assert.Contains(lines, l => l.StartsWith("  detect Succeeded, tries 1, service 2072.5 ms", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  filter Failed, tries 3", StringComparison.Ordinal));
    }

    [Fact]
    public void Detections_are_counted_per_class_and_summed_over_runs()
    {
        var one = Render(Of(Classic1("a", "person", "car", "person", "person")), 200);
        var two = Render(Of(Classic1("a", "person", "car"), Classic1("b", "person", "person")), 200);
        var none = Render(Of(Classic1("a")), 200);

        Assert.Contains("detect: person 3, car 1", one);
        Assert.Contains("detect: person 3, car 1 (total over 2 runs)", two);
        Assert.Contains("detect: nothing found", none);
    }

    [Fact]
    public void A_single_run_lists_the_files_it_wrote_but_not_the_image_detect_passed_through()
    {
        var lines = Render(Of(Classic1("a", "person")), 200);

        var start = Array.IndexOf(lines, "files written (4):");
        Assert.True(start >= 0, string.Join('\n', lines));
        Assert.Equal(
            ["  resize.image: /o/a.resize.jpg", "  detect.detections: /o/a.detect.json", "  detect.annotated: /o/a.detect.jpg", "  filter.image: /o/a.filter.png"],
            lines[(start + 1)..(start + 5)]);
        Assert.DoesNotContain(lines, l => l.StartsWith("  detect.image", StringComparison.Ordinal));
    }

    [Fact]
    public void Many_runs_report_the_folder_and_a_count_and_repeats_count_each_file_once()
    {
        var folder = Render(Of(Enumerable.Range(0, 30).Select(i => Classic1($"p{i}")).ToArray()), 200);
        var repeats = Render(Of(Classic1("a"), Classic1("a"), Classic1("a")), 200);

        Assert.Contains("files written: 120 in /o", folder);
        Assert.DoesNotContain(folder, l => l.Contains("p7.filter.png", StringComparison.Ordinal));
        Assert.Contains("files written (4):", repeats);
    }

    [Fact]
    public void Json_output_carries_the_detections_per_class_and_every_file()
    {
        var report = Of(Classic1("a", "person", "car"), Classic1("b", "person"));

        var json = JsonNode.Parse(RunJson.Write(report))!;

        Assert.Equal(2, (int)json["detections"]!["detect"]!["person"]!);
        Assert.Equal(1, (int)json["detections"]!["detect"]!["car"]!);
        Assert.Equal(8, (int)json["fileCount"]!);
        Assert.Contains(json["files"]!.AsArray(), f => (string?)f!["path"] == "/o/b.detect.json" && (string?)f["step"] == "detect" && (string?)f["output"] == "detections");
        Assert.Equal(1, (int)json["runs"]![1]!["steps"]![1]!["detections"]!["person"]!);
        Assert.Null(json["runs"]![1]!["steps"]![0]!["detections"]);
    }

    [Fact]
    public void Json_mode_keeps_stderr_to_the_outcome()
    {
        var lines = Render(Of(Classic1("a", "person")), 200, quiet: true);

        Assert.StartsWith("pipeline classic: Succeeded", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.StartsWith("detect:", StringComparison.Ordinal) || l.StartsWith("files written", StringComparison.Ordinal));
    }

    [Fact]
    public void A_step_that_failed_in_every_run_has_no_detections_line()
    {
        var lines = Render(Of(RunReports.Run("a", Ok("resize", "resize"), Failed("detect", "detect"), Skipped("filter", "filter"))), 200);

        Assert.DoesNotContain(lines, l => l.StartsWith("detect:", StringComparison.Ordinal));
        Assert.Contains("error: boom", lines);
    }
}

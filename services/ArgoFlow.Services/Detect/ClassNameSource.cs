using System.Text.RegularExpressions;

namespace ArgoFlow.Services.Detect;

/// <summary>Finds a model's class names: a names file, the model's metadata, or COCO for 80-class models.</summary>
internal static partial class ClassNameSource
{
    public static IReadOnlyList<string> Load(ModelOptions options, IReadOnlyDictionary<string, string> metadata, int classCount)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(options.Path)) ?? ".";
        var candidates = options.ClassNamesPath is { } given
            ? [given]
            : new[] { Path.Combine(folder, Path.GetFileNameWithoutExtension(options.Path) + ".names"), Path.Combine(folder, "coco.names") };
        foreach (var path in candidates)
        {
            if (File.Exists(path))
            {
                return File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
            }

            if (options.ClassNamesPath is not null)
            {
                throw new FileNotFoundException($"class names file {path} not found", path);
            }
        }

        // Ultralytics writes names as a Python dict literal: {0: 'person', 1: 'bicycle', ...}.
        if (metadata.TryGetValue("names", out var text))
        {
            var parsed = NameEntry().Matches(text).OrderBy(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
                .Select(m => m.Groups[2].Value).ToArray();
            if (parsed.Length > 0)
            {
                return parsed;
            }
        }

        return classCount == CocoClassNames.All.Count ? CocoClassNames.All : Enumerable.Range(0, Math.Max(classCount, 0)).Select(i => $"class{i}").ToArray();
    }

    [GeneratedRegex(@"(\d+)\s*:\s*['""]([^'""]*)['""]")]
    private static partial Regex NameEntry();
}

using System.Globalization;
using System.Text;

namespace ArgoFlow.Templates.Tests.Generation;

/// <summary>A valid spec with many steps: a resize, then chains of filters and detects reading earlier steps.</summary>
internal static class LargeSpec
{
    public static string Text(int steps)
    {
        var yaml = new StringBuilder("""
            apiVersion: argoflow.io/v1alpha1
            kind: Pipeline
            metadata:
              name: large
            spec:
              parameters:
                - name: input
                  value: s3://in/big.jpg
              steps:
                - name: s0
                  type: resize
                  with: {maxSide: 1024}

            """);
        var operations = new[] { "grayscale", "sharpen", "edges", "gaussianBlur" };
        for (var i = 1; i < steps; i++)
        {
            var line = (i % 10) switch
            {
                0 => $"    - {{name: s{i}, type: detect, dependsOn: [s{i - 1}]}}\n",
                5 => $"    - {{name: s{i}, type: filter, dependsOn: [s{i - 1}, s{i - 5}], inputs: {{image: steps.s{i - 5}.image}}, with: {{operation: {operations[i % 4]}}}}}\n",
                _ => $"    - {{name: s{i}, type: filter, with: {{operation: {operations[i % 4]}}}}}\n",
            };
            yaml.Append(line);
        }

        return yaml.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    public static string Name(int i) => "s" + i.ToString(CultureInfo.InvariantCulture);
}

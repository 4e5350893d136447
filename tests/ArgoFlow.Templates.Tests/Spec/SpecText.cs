namespace ArgoFlow.Templates.Tests.Spec;

/// <summary>Builds small spec texts around a steps block, so each test shows only what it is about.</summary>
internal static class SpecText
{
    /// <summary>Lines before the steps block; the first step line of <see cref="With"/> is line 10.</summary>
    public const string Header = """
        apiVersion: argoflow.io/v1alpha1
        kind: Pipeline
        metadata:
          name: test
        spec:
          parameters:
            - name: input
              value: s3://in/a.jpg
          steps:

        """;

    public static string With(string steps) => Header + steps.TrimEnd() + "\n";
}

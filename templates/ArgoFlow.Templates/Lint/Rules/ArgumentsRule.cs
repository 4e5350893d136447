using ArgoFlow.Templates.Spec.Validation;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Lint.Rules;

/// <summary>
/// validate.go validateArgumentsValues, for <c>spec.arguments</c> (where lint allows a parameter without a value: it
/// is given at submission) and for every step's and task's <c>arguments</c> (where a value is required).
/// </summary>
internal sealed class ArgumentsRule : IDocumentRule, ICallRule
{
    /// <summary>The fields that give an artifact a location (Artifact.HasLocationOrKey).</summary>
    public static readonly string[] ArtifactLocations = ["key", "s3", "git", "http", "artifactory", "hdfs", "raw", "oss", "gcs", "azure", "plugin"];

    private static readonly string[] ArtifactSources = ["from", .. ArtifactLocations];

    private static readonly string[] OutputOnlySources = ["path", "jsonPath", "parameter", "expression"];

    public void Check(SpecReadContext context, LintDocument document) =>
        CheckArguments(context, document.Spec["arguments"], document.SpecPath + ".arguments", allowEmptyValues: true);

    public void Check(CallSite site) =>
        CheckArguments(site.Context, site.Call["arguments"], site.Path + ".arguments", allowEmptyValues: false);

    private static void CheckArguments(SpecReadContext context, YNode? node, string path, bool allowEmptyValues)
    {
        if (node is not YMapping arguments)
        {
            return;
        }

        Each(arguments["parameters"], path + ".parameters", (parameter, itemPath) => CheckParameter(context, parameter, itemPath, allowEmptyValues));
        Each(arguments["artifacts"], path + ".artifacts", (artifact, itemPath) =>
        {
            if (!ArtifactSources.Any(k => Present(artifact[k])))
            {
                context.Error(artifact, itemPath, "needs from, an artifact location or a key");
            }

            if (Present(artifact["from"]) && Present(artifact["fromExpression"]))
            {
                context.Error(artifact, itemPath, "cannot have both from and fromExpression");
            }
        });
    }

    private static void CheckParameter(SpecReadContext context, YMapping parameter, string path, bool allowEmptyValues)
    {
        var value = parameter["value"];
        if (!Present(value) && parameter["valueFrom"] is null && !allowEmptyValues)
        {
            context.Error(parameter, path, "needs a value or valueFrom");
        }

        if (parameter["valueFrom"] is YMapping from &&
            (!(Present(from["configMapKeyRef"]) || Present(from["event"]) || Present(from["supplied"])) ||
             OutputOnlySources.Any(k => Present(from[k]))))
        {
            context.Error(from, path + ".valueFrom", "only allows default, configMapKeyRef, event and supplied here");
        }

        if (parameter["enum"] is not YSequence allowed)
        {
            return;
        }

        if (allowed.Items.Count == 0)
        {
            context.Error(allowed, path + ".enum", "should contain at least one value");
        }
        else if (value is YScalar scalar && !scalar.IsNull && !allowed.Items.OfType<YScalar>().Any(v => v.Value == scalar.Value))
        {
            context.Error(value, path + ".value", $"'{scalar.Value}' is not one of the values in enum");
        }
        else if (!Present(value) && !allowEmptyValues)
        {
            context.Error(parameter, path + ".value", "is required when enum is given");
        }
    }

    internal static bool Present(YNode? node) => node is not null and not YScalar { IsNull: true };

    internal static void Each(YNode? node, string path, Action<YMapping, string> check)
    {
        if (node is not YSequence sequence)
        {
            return;
        }

        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (sequence.Items[i] is YMapping item)
            {
                check(item, SpecReadContext.Index(path, i));
            }
        }
    }
}

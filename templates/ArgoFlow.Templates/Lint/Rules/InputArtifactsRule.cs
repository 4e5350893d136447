using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Lint.Rules;

/// <summary>
/// validate.go validateInputs / validateArtifactLocation: input artifact names unique; <c>from</c> is not valid in
/// inputs; a path only in leaf templates; a git artifact names its repo.
/// </summary>
internal sealed class InputArtifactsRule : ITemplateRule
{
    public void Check(TemplateSite site)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        ArgumentsRule.Each((site.Template["inputs"] as YMapping)?["artifacts"], site.Path + ".inputs.artifacts", (artifact, path) =>
        {
            if (artifact["name"] is not YScalar { IsNull: false } name)
            {
                site.Context.Error(artifact, path + ".name", "is required");
            }
            else if (!names.Add(name.Value))
            {
                site.Context.Error(name, path + ".name", $"duplicate artifact '{name.Value}'");
            }

            if (ArgumentsRule.Present(artifact["from"]))
            {
                site.Context.Error(artifact["from"], path + ".from", "is not valid in inputs (from belongs in a step's or task's arguments)");
            }

            if (site.Type is "steps" or "dag" && ArgumentsRule.Present(artifact["path"]))
            {
                site.Context.Error(artifact["path"], path + ".path", "is only valid in container and script templates");
            }

            if (artifact["git"] is YMapping git && git["repo"] is not YScalar { IsNull: false, Value.Length: > 0 })
            {
                site.Context.Error(git, path + ".git.repo", "is required");
            }
        });
    }
}

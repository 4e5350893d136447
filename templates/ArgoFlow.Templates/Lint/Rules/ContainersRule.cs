using ArgoFlow.Templates.Spec.Validation;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Lint.Rules;

/// <summary>
/// validate.go validateInitContainers / validateLeaf and ContainerSetTemplate.Validate: init containers are named;
/// no two volume mounts (or a mount and an input artifact) share a path; a containerSet has containers with unique
/// names, dependencies among them, and one named "main" when the template has input artifacts or outputs; no
/// sidecar or containerSet container takes a name Argo reserves for its own containers (wait, supervisor,
/// artifact-plugin-*).
/// </summary>
internal sealed class ContainersRule : ITemplateRule
{
    public void Check(TemplateSite site)
    {
        ArgumentsRule.Each(site.Template["initContainers"], site.Path + ".initContainers", (container, path) =>
        {
            if (container["name"] is not YScalar { IsNull: false, Value.Length: > 0 })
            {
                site.Context.Error(container, path + ".name", "is required: every init container needs a name");
            }
        });
        ArgumentsRule.Each(site.Template["sidecars"], site.Path + ".sidecars", (container, path) => CheckReserved(site, container, path));
        if (site.Template["container"] is YMapping main)
        {
            CheckMountPaths(site, main, site.Path + ".container", withInputArtifacts: true);
        }

        if (site.Template["containerSet"] is YMapping set)
        {
            CheckContainerSet(site, set);
        }
    }

    private static void CheckContainerSet(TemplateSite site, YMapping set)
    {
        var path = site.Path + ".containerSet";
        var names = new HashSet<string>(StringComparer.Ordinal);
        ArgumentsRule.Each(set["containers"], path + ".containers", (container, itemPath) =>
        {
            if (container["name"] is YScalar { IsNull: false } name && !names.Add(name.Value))
            {
                site.Context.Error(name, itemPath + ".name", $"duplicate container name '{name.Value}'");
            }

            CheckReserved(site, container, itemPath);
        });
        if (names.Count == 0)
        {
            site.Context.Error(set, path + ".containers", "needs at least one container");
            return;
        }

        ArgumentsRule.Each(set["containers"], path + ".containers", (container, itemPath) =>
        {
            foreach (var dependency in (container["dependencies"] as YSequence)?.Items.OfType<YScalar>() ?? [])
            {
                if (!names.Contains(dependency.Value))
                {
                    site.Context.Error(dependency, itemPath + ".dependencies", $"container '{dependency.Value}' does not exist{DidYouMean.Suffix(dependency.Value, names)}");
                }
            }
        });
        var inputs = site.Template["inputs"] as YMapping;
        var outputs = site.Template["outputs"] as YMapping;
        if (!names.Contains("main") &&
            (inputs?["artifacts"] is YSequence { Items.Count: > 0 } || outputs?["parameters"] is YSequence { Items.Count: > 0 } ||
             outputs?["artifacts"] is YSequence { Items.Count: > 0 }))
        {
            site.Context.Error(set, path + ".containers", "must have a container named \"main\" for the template's input artifacts and outputs");
        }

        CheckMountPaths(site, set, path, withInputArtifacts: false);
    }

    private static void CheckMountPaths(TemplateSite site, YMapping holder, string path, bool withInputArtifacts)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        ArgumentsRule.Each(holder["volumeMounts"], path + ".volumeMounts", (mount, itemPath) =>
        {
            if (mount["mountPath"] is YScalar { IsNull: false } mountPath && !seen.TryAdd(mountPath.Value, itemPath))
            {
                site.Context.Error(mountPath, itemPath + ".mountPath", $"'{mountPath.Value}' is already mounted by {seen[mountPath.Value]}");
            }
        });
        if (!withInputArtifacts)
        {
            return;
        }

        ArgumentsRule.Each((site.Template["inputs"] as YMapping)?["artifacts"], site.Path + ".inputs.artifacts", (artifact, itemPath) =>
        {
            if (artifact["path"] is YScalar { IsNull: false } artifactPath && !seen.TryAdd(artifactPath.Value, itemPath))
            {
                site.Context.Error(artifactPath, itemPath + ".path", $"'{artifactPath.Value}' is already mounted by {seen[artifactPath.Value]}");
            }
        });
    }

    private static void CheckReserved(TemplateSite site, YMapping container, string path)
    {
        if (container["name"] is YScalar { IsNull: false } name &&
            (name.Value is "wait" or "supervisor" || name.Value.StartsWith("artifact-plugin-", StringComparison.Ordinal)))
        {
            site.Context.Error(name, path + ".name", $"'{name.Value}' is a container name Argo reserves for its own containers");
        }
    }
}

using ArgoFlow.Templates.Argo;
using ArgoFlow.Templates.Spec.Validation;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Lint;

/// <summary>
/// Reports fields of a Workflow / WorkflowTemplate that the target Argo release lacks (<see cref="ArgoFieldHistory"/>):
/// the workflow spec, its templateDefaults and templates, their retryStrategy.backoff and synchronization.
/// </summary>
internal static class ArgoVersionChecker
{
    public static void Check(SpecReadContext context, YMapping document, ArgoVersion target)
    {
        if (document["spec"] is not YMapping spec)
        {
            return;
        }

        CheckOwner(context, spec, "spec", "WorkflowSpec", target);
        CheckSynchronization(context, spec, "spec", target);
        if (spec["templateDefaults"] is YMapping defaults)
        {
            CheckTemplate(context, defaults, "spec.templateDefaults", target);
        }

        if (spec["templates"] is YSequence templates)
        {
            for (var i = 0; i < templates.Items.Count; i++)
            {
                if (templates.Items[i] is YMapping template)
                {
                    CheckTemplate(context, template, SpecReadContext.Index("spec.templates", i), target);
                }
            }
        }
    }

    private static void CheckTemplate(SpecReadContext context, YMapping template, string path, ArgoVersion target)
    {
        CheckOwner(context, template, path, "Template", target);
        CheckSynchronization(context, template, path, target);
        if (template["retryStrategy"] is YMapping retry && retry["backoff"] is YMapping backoff)
        {
            CheckOwner(context, backoff, path + ".retryStrategy.backoff", "Backoff", target);
        }
    }

    private static void CheckSynchronization(SpecReadContext context, YMapping owner, string path, ArgoVersion target)
    {
        if (owner["synchronization"] is YMapping synchronization)
        {
            CheckOwner(context, synchronization, path + ".synchronization", "Synchronization", target);
        }
    }

    private static void CheckOwner(SpecReadContext context, YMapping mapping, string path, string owner, ArgoVersion target)
    {
        foreach (var (key, _) in mapping.Entries)
        {
            var history = ArgoFieldHistory.All.FirstOrDefault(h => h.Owner == owner && h.Field == key.Value);
            if (history?.Problem(target) is { } problem)
            {
                context.Error(key, SpecReadContext.Join(path, key.Value), problem + " (lint --argo-version sets the target)");
            }
        }
    }
}

using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Lint.Rules;

/// <summary>validate.go validateLeaf: a container or script template needs an image, its own or templateDefaults'.</summary>
internal sealed class ImageRule : ITemplateRule
{
    public void Check(TemplateSite site)
    {
        if (site.Type is not ("container" or "script") || site.Template[site.Type] is not YMapping holder)
        {
            return;
        }

        if (holder["image"] is not YScalar { IsNull: false, Value.Length: > 0 } && !site.Document.HasDefaultImage(site.Type))
        {
            site.Error(holder["image"] ?? holder, site.Type + ".image", "may not be empty (give an image here or in spec.templateDefaults)");
        }
    }
}

namespace ArgoFlow.Templates.Lint;

/// <summary>A check of one template; registered in <see cref="LintRules"/>.</summary>
internal interface ITemplateRule
{
    void Check(TemplateSite site);
}

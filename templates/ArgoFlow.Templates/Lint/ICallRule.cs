namespace ArgoFlow.Templates.Lint;

/// <summary>A check of one step or DAG task; registered in <see cref="LintRules"/>.</summary>
internal interface ICallRule
{
    void Check(CallSite site);
}

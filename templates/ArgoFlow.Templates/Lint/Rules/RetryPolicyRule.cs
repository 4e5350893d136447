using ArgoFlow.Templates.Spec.Validation;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Lint.Rules;

/// <summary>validate.go validateTemplateHolder: <c>retryStrategy.retryPolicy</c> is one Argo knows.</summary>
internal sealed class RetryPolicyRule : ITemplateRule
{
    private static readonly string[] Policies = ["Always", "OnError", "OnFailure", "OnTransientError"];

    public void Check(TemplateSite site)
    {
        if ((site.Template["retryStrategy"] as YMapping)?["retryPolicy"] is YScalar { IsNull: false, Value.Length: > 0 } policy &&
            !Policies.Contains(policy.Value))
        {
            site.Error(policy, "retryStrategy.retryPolicy", $"'{policy.Value}' is not a retry policy: one of {string.Join(", ", Policies)}{DidYouMean.Suffix(policy.Value, Policies)}");
        }
    }
}

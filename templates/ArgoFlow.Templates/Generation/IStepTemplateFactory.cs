using ArgoFlow.Templates.Argo;
using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Templates.Generation;

/// <summary>Builds the leaf template of one step for one generation mode.</summary>
internal interface IStepTemplateFactory
{
    Template Create(PipelineSpec spec, PipelineStep step, string name);
}

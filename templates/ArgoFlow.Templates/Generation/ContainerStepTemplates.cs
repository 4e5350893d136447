using System.Globalization;
using ArgoFlow.Templates.Argo;
using ArgoFlow.Templates.Kubernetes;
using ArgoFlow.Templates.Manifests;
using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Templates.Generation;

/// <summary>
/// container mode, the baseline: a pod per step running
/// <c>argoflow step TYPE --target HOST:PORT --input URI --PARAM VALUE... --timeout-seconds N</c>, which prints the
/// response JSON (the step's <c>outputs.result</c>). Flags are the kebab-case of the proto JSON names; lists are
/// comma separated and boxes <c>x1,y1,x2,y2</c> joined by ';'.
/// </summary>
/// With TLS (<see cref="GeneratorOptions.TlsSecret"/>) the pod mounts only the CA certificate of the Secret.
internal sealed class ContainerStepTemplates(string image, ArgoVersion target, string? tlsSecret = null, string tlsCaKey = GeneratorOptions.DefaultTlsCaKey) : IStepTemplateFactory
{
    public Template Create(PipelineSpec spec, PipelineStep step, string name)
    {
        var args = new List<string> { "step", step.Type.Name, "--target", spec.Services.For(step.Type.Name).Grpc };
        foreach (var port in step.Type.Inputs.Where(p => step.Inputs.ContainsKey(p.Name)))
        {
            args.Add("--" + Kebab(port.Field));
            args.Add(ArgoExpressions.InputParameter(port.Field));
        }

        foreach (var parameter in step.Type.Parameters)
        {
            if (step.With.TryGetValue(parameter.Name, out var value) && value is not null)
            {
                args.Add("--" + Kebab(parameter.Name));
                args.Add(Format(value));
            }
        }

        args.Add("--timeout-seconds");
        args.Add(step.TimeoutSeconds.ToString(CultureInfo.InvariantCulture));
        var container = new Container(
            "main",
            image,
            Command: [ImageLayout.Executable],
            Args: args,
            Env: tlsSecret is null ? null : [ServiceTls.CaFileEnv],
            Resources: ServiceResources.StepClient,
            SecurityContext: PodSecurity.Container,
            VolumeMounts: tlsSecret is null ? null : [ServiceTls.CaMountFor()]);
        return new Template(name, Inputs: StepInputs.Declare(step), Container: container, RetryStrategy: RetryStrategies.From(step.Retry, TransientFailures.Container, target),
            Volumes: tlsSecret is null ? null : [ServiceTls.CaVolumeFor(tlsSecret, tlsCaKey)]);
    }

    internal static string Kebab(string camel) =>
        string.Concat(camel.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));

    private static string Format(object value) => value switch
    {
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        string s => s,
        ParameterRef p => ArgoExpressions.WorkflowParameter(p.Name),
        IEnumerable<string> list => string.Join(',', list),
        IEnumerable<BoxValue> boxes => string.Join(';', boxes.Select(b => string.Join(',',
            new[] { b.X1, b.Y1, b.X2, b.Y2 }.Select(v => v.ToString("R", CultureInfo.InvariantCulture))))),
        _ => throw new InvalidOperationException($"unexpected parameter value type {value.GetType().Name}"),
    };
}

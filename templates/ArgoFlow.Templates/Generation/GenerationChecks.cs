using ArgoFlow.Core.Errors;
using ArgoFlow.Templates.Spec;
using ArgoFlow.Templates.Spec.Validation;

namespace ArgoFlow.Templates.Generation;

/// <summary>What <see cref="PipelineGenerator"/> refuses before it writes anything: option combinations and names that
/// would produce output Kubernetes or Argo rejects, or that would deploy without error and never run.</summary>
internal static class GenerationChecks
{
    public static void Check(IReadOnlyList<PipelineSpec> specs, GeneratorOptions options)
    {
        if (options.Fused && options.Mode == GenerationMode.Container)
        {
            throw new ArgoFlowException(ExitCode.Usage, "--fused works with --mode http or --mode plugin, not container",
                "the container mode is the pod-per-step baseline; drop --fused or pick another mode");
        }

        if (options.Agent && options.Mode == GenerationMode.Container)
        {
            throw new ArgoFlowException(ExitCode.Usage, "--agent works with --mode http or --mode plugin (also --fused), not container",
                "the external agent runs http and plugin steps; container steps are pods by design");
        }

        if (options.AgentNamespaces is { } scope)
        {
            CheckAgentScope(specs, options, scope);
        }

        if (string.IsNullOrWhiteSpace(options.Image) || options.Image.Any(char.IsWhiteSpace))
        {
            throw new ArgoFlowException(ExitCode.Usage, $"--image '{options.Image}' is not an image reference", "e.g. --image registry.example.com/argoflow:0.1.0");
        }

        if (options.TlsSecret is { } secret && Names.CheckSecretName(secret) is { } badSecret)
        {
            throw new ArgoFlowException(ExitCode.Usage, $"--tls-secret: {badSecret}", "name the kubernetes.io/tls Secret of the services' certificate, e.g. --tls-secret argoflow-tls");
        }

        if (Names.CheckSecretKey(options.TlsCaKey) is { } badKey)
        {
            throw new ArgoFlowException(ExitCode.Usage, $"--tls-ca-key: {badKey}", "the Secret key of the CA certificate: ca.crt (cert-manager), tls.crt for a self-signed certificate");
        }

        var problems = specs
            .GroupBy(s => s.Name, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .SelectMany(g => g.Skip(1).Select(s => new Diagnostic(s.Source, "metadata.name",
                $"pipeline '{s.Name}' is also defined in {g.First().Source.File}; names must be unique (they name the output folder)")))
            .ToList();
        if (problems.Count > 0)
        {
            throw new ValidationException(problems);
        }
    }

    /// <summary>A pipeline in a namespace no agent serves would wait forever with no error anywhere.</summary>
    private static void CheckAgentScope(IReadOnlyList<PipelineSpec> specs, GeneratorOptions options, AgentScope scope)
    {
        if (!options.Agent)
        {
            throw new ArgoFlowException(ExitCode.Usage, "--agent-namespaces needs --agent", "add --agent, or leave --agent-namespaces out");
        }

        var unserved = scope.All ? [] : specs.Where(s => !scope.Namespaces.Contains(s.Namespace)).ToList();
        if (unserved.Count > 0)
        {
            throw new ArgoFlowException(ExitCode.Usage,
                $"--agent-namespaces {scope}: " + string.Join("; ", unserved.Select(s => $"pipeline '{s.Name}' runs in namespace '{s.Namespace}', which the agent would not serve")),
                $"add {string.Join(",", unserved.Select(s => s.Namespace).Distinct().Order(StringComparer.Ordinal))} to --agent-namespaces, or give --agent-namespaces all");
        }
    }
}

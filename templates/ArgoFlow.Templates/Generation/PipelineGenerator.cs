using ArgoFlow.Core.Catalog;
using ArgoFlow.Core.Errors;
using ArgoFlow.Templates.Manifests;
using ArgoFlow.Templates.Spec;
using ArgoFlow.Templates.Spec.Validation;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Generation;

/// <summary>
/// Generates everything for a set of specs: per pipeline <c>NAME/workflowtemplate.yaml</c>; per namespace
/// <c>services/NS/argoflow-SERVICE.yaml</c> (Deployment + Service of every service a step reaches at its default
/// address; with --fused the one argoflow-pipeline service hosting those step types), <c>services/NS/rbac.yaml</c>, in plugin mode <c>services/NS/executor-plugin.yaml</c>, with
/// <see cref="GeneratorOptions.NetworkPolicy"/> <c>services/NS/network-policy.yaml</c>, with
/// <see cref="GeneratorOptions.Agent"/> <c>services/NS/argoflow-agent.yaml</c>; and <c>kustomization.yaml</c>
/// listing them all. With --agent also <see cref="ControllerConfigPatch.File"/>, which is a patch and so in no list. Files come back sorted by path; the bytes depend only on the specs and the options.
/// </summary>
public static class PipelineGenerator
{
    public const string KustomizationFile = "kustomization.yaml";

    public static IReadOnlyList<GeneratedFile> Generate(IReadOnlyList<PipelineSpec> specs, GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentNullException.ThrowIfNull(options);
        specs = Renamed(specs, options.NameSuffix);
        GenerationChecks.Check(specs, options);
        specs = Secured(specs, options.TlsSecret);
        var files = new List<GeneratedFile>();
        foreach (var spec in specs)
        {
            var template = options.Fused ? FusedTemplates.Build(spec, options) : WorkflowTemplateBuilder.Build(spec, options, Factory(options));
            files.Add(new GeneratedFile($"{spec.Name}/workflowtemplate.yaml", ManifestYaml.Document(Header([spec], options), template)));
        }

        foreach (var group in specs.GroupBy(s => s.Namespace).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            files.AddRange(NamespaceFiles(group.Key, [.. group], options, [.. specs.Select(s => s.Namespace).Distinct()]));
        }

        if (options.Agent && options.AgentNamespaces is { } scope)
        {
            var home = scope.Home(specs.Select(s => s.Namespace));
            files.Add(new GeneratedFile($"services/{home}/{AgentManifests.Name}.yaml", Documents(Header(specs, options),
                AgentManifests.For(home, scope.Namespaces, options.Image, secretHeaders: false, Tls(options)))));
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        var kustomization = Kubernetes.Kustomization.Create(files.Select(f => f.Path).ToList());
        files.Add(new GeneratedFile(KustomizationFile, ManifestYaml.Document(Header(specs, options), kustomization)));
        if (options.Agent)
        {
            files.Add(new GeneratedFile(ControllerConfigPatch.File,
                ManifestYaml.Document(ControllerConfigPatch.Header(Header(specs, options)), ControllerConfigPatch.Create())));
        }

        return files;
    }

    /// <summary>All documents except the kustomization, as one multi-document stream (for <c>-o -</c>).</summary>
    public static string ToStream(IReadOnlyList<GeneratedFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return ManifestYaml.Stream(files.Where(f => f.Path != KustomizationFile && f.Path != ControllerConfigPatch.File).Select(f => f.Content));
    }

    private static (string Secret, string CaKey)? Tls(GeneratorOptions options) =>
        options.TlsSecret is { } secret ? (secret, options.TlsCaKey) : null;

    /// <param name="allNamespaces">Every pipeline's namespace (where a shared agent lives).</param>
    private static IEnumerable<GeneratedFile> NamespaceFiles(string ns, IReadOnlyList<PipelineSpec> specs, GeneratorOptions options, IReadOnlyList<string> allNamespaces)
    {
        var header = Header(specs, options);
        var dir = $"services/{ns}/";
        var stepTypes = StepTypesAtDefault(specs);
        var services = options.Fused
            ? specs.Any(s => UsesDefault(s, ServicesReader.PipelineKey)) ? [ServicesReader.PipelineKey] : []
            : stepTypes;
        foreach (var service in services)
        {
            // The fused service hosts the step types its runs call at their default address (all when none is).
            IReadOnlyList<string> hosted = service != ServicesReader.PipelineKey ? [service]
                : stepTypes.Count > 0 ? stepTypes : [.. StepCatalog.All.Select(t => t.Name)];
            var scale = ServiceScales.For(specs, service);
            var tls = options.TlsSecret is not null;
            List<object> documents =
            [
                ServiceManifests.Deployment(service, hosted, ns, options.Image, options.TlsSecret, scale),
                ServiceManifests.Service(service, ns, tls),
                ScaleManifests.HeadlessService(service, ns, tls),
            ];
            if (scale?.Autoscale is { } autoscale)
            {
                documents.Add(ScaleManifests.Autoscaler(service, ns, autoscale));
            }

            if (scale?.MaxPods > 1)
            {
                documents.Add(ScaleManifests.DisruptionBudget(service, ns));
            }

            yield return new GeneratedFile($"{dir}argoflow-{service}.yaml", Documents(header, documents));
        }

        yield return new GeneratedFile(dir + "rbac.yaml", Documents(header, RbacManifests.For(ns)));
        if (options.Mode == GenerationMode.Plugin)
        {
            yield return new GeneratedFile(dir + "executor-plugin.yaml", ManifestYaml.Document(header, ExecutorPluginManifest.Create(ns, options.Image,
                options.TlsSecret is { } secret ? (secret, options.TlsCaKey) : null, PluginEndpoints(specs, options.Fused))));
        }

        if (options.Agent && options.AgentNamespaces is null)
        {
            // Generated http templates send literal headers only (Content-Type), so the agent reads no Secret.
            yield return new GeneratedFile(dir + AgentManifests.Name + ".yaml", Documents(header, AgentManifests.For(ns, options.Image, secretHeaders: false, Tls(options))));
        }

        if (options.NetworkPolicy)
        {
            // One agent serving several namespaces calls their services from its own.
            var agentHome = options.Agent ? options.AgentNamespaces?.Home(allNamespaces) : null;
            yield return new GeneratedFile(dir + "network-policy.yaml", ManifestYaml.Document(header, NetworkPolicyManifest.Create(ns, agentHome)));
        }
    }

    /// <summary>
    /// The gRPC endpoints this namespace's plugin templates name, sorted: the sidecar is told to dial these and
    /// nothing else (<c>--allow-endpoint</c>), so a hand-written template cannot aim it elsewhere.
    /// </summary>
    private static List<string> PluginEndpoints(IReadOnlyList<PipelineSpec> specs, bool fused) => specs
        .SelectMany(spec => fused
            ? [spec.Services.For(ServicesReader.PipelineKey).Grpc]
            : spec.Steps.Select(step => spec.Services.For(step.Type.Name).Grpc))
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Step types some step reaches at the default in-cluster address, in catalogue order.</summary>
    private static List<string> StepTypesAtDefault(IReadOnlyList<PipelineSpec> specs) => StepCatalog.All
        .Select(t => t.Name)
        .Where(type => specs.Any(spec => UsesDefault(spec, type) && spec.Steps.Any(s => s.Type.Name == type)))
        .ToList();

    private static bool UsesDefault(PipelineSpec spec, string service) =>
        IsDefault(spec.Services.For(service).Grpc, service, spec.Namespace);

    /// <summary>The address is one of the Services generated for <paramref name="service"/> (headless or ClusterIP).</summary>
    private static bool IsDefault(string grpc, string service, string ns)
    {
        var address = grpc.StartsWith("https://", StringComparison.Ordinal) ? grpc["https://".Length..]
            : grpc.StartsWith("dns:///", StringComparison.Ordinal) ? grpc["dns:///".Length..] : grpc;
        return address.StartsWith(ServicesReader.HeadlessHost(service, ns) + ":", StringComparison.Ordinal) ||
               address.StartsWith(ServicesReader.DefaultHost(service, ns) + ":", StringComparison.Ordinal);
    }

    /// <summary>
    /// With TLS, every gRPC address that is a generated Service's becomes https:// (the Deployments serve TLS);
    /// addresses the spec points elsewhere stay as written.
    /// </summary>
    private static IReadOnlyList<PipelineSpec> Secured(IReadOnlyList<PipelineSpec> specs, string? tlsSecret) => tlsSecret is null
        ? specs
        : specs.Select(spec => spec with
        {
            Services = new ServiceEndpoints(spec.Services.ByStepType.ToDictionary(
                e => e.Key,
                e => IsDefault(e.Value.Grpc, e.Key, spec.Namespace) && !e.Value.Grpc.StartsWith("https://", StringComparison.Ordinal)
                    ? e.Value with { Grpc = ServiceTls.Secure(e.Value.Grpc) }
                    : e.Value,
                StringComparer.Ordinal)),
        }).ToList();

    private static string Documents(string header, IReadOnlyList<object> documents) =>
        ManifestYaml.Document(header, documents[0]) + string.Concat(documents.Skip(1).Select(d => "---\n" + ManifestYaml.Serialize(d)));

    private static string Header(IEnumerable<PipelineSpec> specs, GeneratorOptions options) =>
        $"Generated by `argoflow generate` (mode {options.Label}) from {string.Join(", ", specs.Select(SpecFileName).Order(StringComparer.Ordinal))}.\n" +
        "Do not edit: change the pipeline spec and generate again.";

    /// <summary>
    /// The spec's file name without its folder: the output must not change with the working directory, and an
    /// absolute path would leak the machine's layout into committed files.
    /// </summary>
    private static string SpecFileName(PipelineSpec spec) => Path.GetFileName(spec.Source.File);

    private static IStepTemplateFactory Factory(GeneratorOptions options) => options.Mode switch
    {
        GenerationMode.Plugin => new PluginStepTemplates(options.Target),
        GenerationMode.Container => new ContainerStepTemplates(options.Image, options.Target, options.TlsSecret, options.TlsCaKey),
        _ => new HttpStepTemplates(options.Target),
    };

    /// <summary>Each pipeline named NAME + suffix (its WorkflowTemplate and output folder), checked as a resource name.</summary>
    private static IReadOnlyList<PipelineSpec> Renamed(IReadOnlyList<PipelineSpec> specs, string suffix)
    {
        if (suffix.Length == 0)
        {
            return specs;
        }

        return specs.Select(spec =>
        {
            var name = spec.Name + suffix;
            return Names.CheckResourceName(name) is { } problem
                ? throw new ArgoFlowException(ExitCode.Usage, $"--name-suffix '{suffix}' on pipeline '{spec.Name}': {problem}",
                    "a suffix such as -http keeps the name a DNS-1123 label of at most 63 characters")
                : spec with { Name = name };
        }).ToList();
    }
}

using System.CommandLine;
using ArgoFlow.Core.Errors;
using ArgoFlow.Templates.Generation;
using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Cli.Commands;

/// <summary>`argoflow generate`: pipeline specs to Argo WorkflowTemplates and the services' manifests.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var files = new Option<string[]>("--file", "-f")
        {
            Description = "A pipeline spec (apiVersion argoflow.io/v1alpha1, kind Pipeline); repeat for several.",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var outputDir = new Option<string?>("--output-dir")
        {
            Description = "Folder to write (NAME/workflowtemplate.yaml, services/NS/*.yaml, kustomization.yaml); without it, one YAML stream on stdout.",
            HelpName = "DIR",
        };
        var format = new Option<string?>("--output", "-o")
        {
            Description = "Output format of the stream on stdout: yaml (the only one; the folder is --output-dir).",
            HelpName = "yaml",
        };
        var mode = new Option<string>("--mode")
        {
            Description = "http: Argo http templates call the services' JSON routes (no pod per step); plugin: the ArgoFlow executor plugin calls them over gRPC; container: a pod per step (baseline).",
            DefaultValueFactory = _ => "http",
        };
        mode.AcceptOnlyFromAmong("http", "plugin", "container");
        var fused = new Option<bool>("--fused") { Description = "One Argo step that runs the whole spec in the Pipeline service (http or plugin mode)." };
        var image = new Option<string>("--image")
        {
            Description = "ArgoFlow image for the services, the plugin sidecar and container steps.",
            DefaultValueFactory = _ => GeneratorOptions.DefaultImage,
        };
        var networkPolicy = new Option<bool>("--network-policy") { Description = "Also emit a NetworkPolicy: only workflow pods and ArgoFlow clients may reach the services." };
        var nameSuffix = new Option<string>("--name-suffix")
        {
            Description = "Append to every pipeline's name (WorkflowTemplate and folder), e.g. -plugin, to keep several modes of one spec side by side.",
            DefaultValueFactory = _ => string.Empty,
        };
        var tlsSecret = new Option<string?>("--tls-secret")
        {
            Description = "Serve gRPC over TLS with this kubernetes.io/tls Secret: the Deployments mount it and probe /healthz, default addresses become https://, gRPC clients trust its CA.",
        };
        var tlsCaKey = new Option<string>("--tls-ca-key")
        {
            Description = "The Secret key of the CA certificate clients trust (with --tls-secret): ca.crt (cert-manager), tls.crt for a self-signed certificate.",
            DefaultValueFactory = _ => GeneratorOptions.DefaultTlsCaKey,
        };
        var argoVersion = ArgoVersionOption.Create("The lowest Argo release the output must work on: fields newer than it are left out (retryStrategy.backoff.cap needs v3.7).");
        var agent = new Option<bool>("--agent")
        {
            Description = "Also emit the external agent (argoflow agent: Deployment, ServiceAccount, Role, RoleBinding) and " +
                "controller/workflow-controller-configmap.patch.yaml (disableAgentPodCreation: \"true\"): http and plugin steps then run with no pod (Argo >= 4.1).",
        };
        var agentNamespaces = new Option<string?>("--agent-namespaces")
        {
            Description = "Implies --agent. One agent for every namespace (all: argoflow agent -A, a ClusterRole and ClusterRoleBinding) or for the " +
                "listed ones (NS,...: a Role and RoleBinding in each; the agent runs in the first). Default: one agent per pipeline namespace.",
            HelpName = "all|NS,...",
        };
        var check = new Option<bool>("--check") { Description = "Write nothing; compare with the --output-dir folder, print a unified diff and exit 7 if anything differs." };

        var command = new Command("generate", """
            Generate Argo WorkflowTemplates and service manifests from pipeline specs. Output is deterministic.

            Examples:
              argoflow generate -f samples/pipelines/classic.yaml
              argoflow generate -f samples/pipelines/classic.yaml -f samples/pipelines/privacy.yaml --output-dir deploy/
              argoflow generate -f pipeline.yaml --mode plugin --output-dir deploy/ && kubectl apply -k deploy/
              argoflow generate -f pipeline.yaml --output-dir deploy/ --check    # in CI: fails (exit 7) if deploy/ is stale
              argoflow generate -f pipeline.yaml --mode plugin --name-suffix -plugin --output-dir deploy/plugin
              argoflow generate -f pipeline.yaml --mode plugin --tls-secret argoflow-tls --output-dir deploy/
              argoflow generate -f pipeline.yaml --argo-version v3.7 --output-dir deploy/   # adds backoff caps
              argoflow generate -f pipeline.yaml --agent --output-dir deploy/   # then kubectl patch (see the patch file's header)
              argoflow generate -f a.yaml -f b.yaml --agent --agent-namespaces all --output-dir deploy/   # one agent, a ClusterRole
            """)
        {
            files, outputDir, format, mode, fused, image, networkPolicy, nameSuffix, tlsSecret, tlsCaKey, argoVersion, agent, agentNamespaces, check,
        };
        command.SetAction((parse, _) =>
        {
            var folder = OutputFolder(parse.GetValue(format), parse.GetValue(outputDir));
            var options = new GeneratorOptions(
                Enum.Parse<GenerationMode>(parse.GetValue(mode)!, ignoreCase: true),
                parse.GetValue(fused),
                parse.GetValue(image)!,
                parse.GetValue(networkPolicy),
                parse.GetValue(nameSuffix)!,
                parse.GetValue(tlsSecret),
                parse.GetValue(tlsCaKey)!,
                ArgoVersionOption.Read(parse, argoVersion),
                parse.GetValue(agent) || parse.GetValue(agentNamespaces) is not null,
                parse.GetValue(agentNamespaces) is { } scope ? AgentScope.Parse(scope) : null);
            var generated = PipelineGenerator.Generate(PipelineSpecReader.ReadFiles(parse.GetValue(files)!), options);
            if (options.TlsSecret is not null && options.Mode == GenerationMode.Http)
            {
                parse.InvocationConfiguration.Error.WriteLine("note: --mode http calls the services' HTTP/JSON port, which stays plain HTTP; --tls-secret secures their gRPC port (plugin and container steps, argoflow run, other clients)");
            }
            else if (options.TlsSecret is not null && parse.GetResult(tlsCaKey) is null or { Implicit: true })
            {
                // Not an error: cert-manager's Secrets have ca.crt. Said so that a self-signed setup is not a mystery.
                parse.InvocationConfiguration.Error.WriteLine($"note: gRPC clients trust the CA in key {GeneratorOptions.DefaultTlsCaKey} of Secret {options.TlsSecret}; for a self-signed certificate give --tls-ca-key tls.crt");
            }

            if (options.Agent && folder is null)
            {
                // The controller setting is a patch of Argo's ConfigMap, not a resource: it cannot ride in the stream.
                parse.InvocationConfiguration.Error.WriteLine("note: also switch the controller: kubectl -n argo patch configmap workflow-controller-configmap --type merge -p '{\"data\":{\"disableAgentPodCreation\":\"true\"}}' (with --output-dir DIR it is written to controller/workflow-controller-configmap.patch.yaml)");
            }

            return Task.FromResult(Render(folder, generated, parse.GetValue(check), parse.InvocationConfiguration));
        });
        return command;
    }

    /// <summary>
    /// The folder to write, or null for the stream on stdout. -o was the folder before it became the output format
    /// (as in argo and kubectl); a folder given to -o is refused with the new spelling rather than silently
    /// becoming a folder named "json".
    /// </summary>
    private static string? OutputFolder(string? format, string? outputDir)
    {
        if (format is null or "yaml" or "-")
        {
            return outputDir;
        }

        if (format is "json" or "name" or "wide")
        {
            throw new ArgoFlowException(ExitCode.Usage, $"-o {format}: generate writes YAML only",
                "leave -o out for the YAML stream on stdout, or write the files with --output-dir DIR");
        }

        throw new ArgoFlowException(ExitCode.Usage, $"-o {format}: -o is the output format (yaml), no longer the folder to write",
            $"write the files to a folder with --output-dir {format}");
    }

    private static int Render(string? output, IReadOnlyList<GeneratedFile> generated, bool check, InvocationConfiguration console)
    {
        if (output is null)
        {
            if (check)
            {
                throw new ArgoFlowException(ExitCode.Usage, "--check needs --output-dir DIR: the folder to compare with");
            }

            console.Output.Write(PipelineGenerator.ToStream(generated));
            return (int)ExitCode.Ok;
        }

        if (check)
        {
            var diff = OutputDirectory.Compare(output, generated, out var differing);
            if (differing == 0)
            {
                console.Error.WriteLine($"{output}: up to date ({generated.Count} files)");
                return (int)ExitCode.Ok;
            }

            console.Output.Write(diff);
            console.Error.WriteLine($"error: {differing} file(s) in {output} differ from the generated output");
            console.Error.WriteLine("hint: run the same command without --check to update them");
            return (int)ExitCode.Different;
        }

        var changed = OutputDirectory.Write(output, generated);
        console.Error.WriteLine($"wrote {changed} of {generated.Count} files to {output} ({generated.Count - changed} unchanged)");
        return (int)ExitCode.Ok;
    }
}

using System.Text.Json.Nodes;
using ArgoFlow.TestSupport;
using ArgoFlow.TestSupport.FakeKube;
using ArgoFlow.TestSupport.Waits;

namespace ArgoFlow.Cli.Tests.Commands;

public sealed class SubmitCommandTests
{
    /// <summary>Runs the submit while the simulated controller plays the workflow through.</summary>
    private static async Task<(int Code, string Out, string Err)> SubmitAndRunAsync(ClusterCommandHarness h, params string[] args)
    {
        var run = h.RunAsync(args);
        var name = await h.Server.Controller.WaitForSubmittedAsync().WithinAsync("argoflow submit to create the workflow");
        if (args.Contains("--watch"))
        {
            // Let the client open its watch first, so the live view sees every change rather than only the end.
            await Wait.UntilAsync(() => h.Server.WatchesOpened > 0, "argoflow submit --watch to open its watch");
        }

        await h.Server.Controller.RunAsync(name);
        return await run.WithinAsync("argoflow " + string.Join(' ', args) + " to exit");
    }

    [Fact]
    public async Task WaitExitsZeroWhenTheWorkflowSucceedsAndPrintsItsSteps()
    {
        await using var h = await ClusterCommandHarness.StartAsync();
        h.AddTemplate();

        var (code, stdout, stderr) = await SubmitAndRunAsync(h, "submit", "--from", "workflowtemplate/pipeline", "-p", "input=s3://images/x.jpg", "--wait");

        Assert.Equal(0, code);
        Assert.Contains("Status:         Succeeded", stdout, StringComparison.Ordinal);
        Assert.Matches(@"resize\s+resize\s+HTTP\s+Succeeded\s+\d\d:\d\d:\d\d\s+1s", stdout);
        Assert.Contains("submitted in namespace argo", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchShowsTheLiveViewOnStderrAndFailedWorkflowExitsFive()
    {
        await using var h = await ClusterCommandHarness.StartAsync();
        h.AddTemplate();
        h.Server.Controller.FailingSteps["detect"] = "no model";

        var (code, stdout, stderr) = await SubmitAndRunAsync(h, "submit", "--from", "workflowtemplate/pipeline", "--watch", "-o", "name");

        Assert.Equal(5, code);
        Assert.Matches("^pipeline-[a-z0-9]{5}\n$", stdout);
        Assert.Contains("resize               Running", stderr, StringComparison.Ordinal);
        Assert.Contains("detect               Failed     1s  no model", stderr, StringComparison.Ordinal);
        Assert.Contains("Failed in 2s", stderr, StringComparison.Ordinal);
        Assert.Contains("error: workflow \"pipeline-", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownParameterExitsThreeAndCreatesNothing()
    {
        await using var h = await ClusterCommandHarness.StartAsync();
        h.AddTemplate();

        var (code, _, stderr) = await h.RunAsync("submit", "--from", "workflowtemplate/pipeline", "-p", "inptu=x");

        Assert.Equal(3, code);
        Assert.Contains("unknown parameter \"inptu\"", stderr, StringComparison.Ordinal);
        Assert.Empty(h.Server.Store.List(FakeResource.Workflows, "argo"));
    }

    [Fact]
    public async Task MissingTemplateExitsFourWithTheApplyHint()
    {
        await using var h = await ClusterCommandHarness.StartAsync();

        var (code, _, stderr) = await h.RunAsync("submit", "--from", "workflowtemplate/nope");

        Assert.Equal(4, code);
        Assert.Contains("error: workflow template \"nope\" not found in namespace \"argo\"", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadTokenExitsFourQuotingTheServer()
    {
        await using var h = await ClusterCommandHarness.StartAsync();
        h.Server.Token = "rotated";

        var (code, _, stderr) = await h.RunAsync("submit", "--from", "workflowtemplate/pipeline");

        Assert.Equal(4, code);
        Assert.Contains("401 Unauthorized", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidWorkflowFileExitsThreeWithEveryCause()
    {
        await using var h = await ClusterCommandHarness.StartAsync();
        var file = h.Dir.Combine("wf.yaml");
        File.WriteAllText(file, "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  name: Bad_Name\nspec:\n  entrypoint: main\n  templates:\n    - name: _main\n");

        var (code, _, stderr) = await h.RunAsync("submit", file);

        Assert.Equal(3, code);
        Assert.Contains("metadata.name: Invalid value: \"Bad_Name\"", stderr, StringComparison.Ordinal);
        Assert.Contains("spec.templates[0].name", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRunPrintsYamlAndCreatesNothing()
    {
        await using var h = await ClusterCommandHarness.StartAsync();
        h.AddTemplate();

        var (code, stdout, _) = await h.RunAsync("submit", "--from", "workflowtemplate/pipeline", "--dry-run", "--labels", "team=cv", "--service-account", "runner");

        Assert.Equal(0, code);
        Assert.Equal("""
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              generateName: pipeline-
              namespace: argo
              labels:
                team: cv
                workflows.argoproj.io/workflow-template: pipeline
            spec:
              serviceAccountName: runner
              workflowTemplateRef:
                name: pipeline

            """, stdout);
        Assert.Empty(h.Server.Store.List(FakeResource.Workflows, "argo"));
    }

    [Fact]
    public async Task TimeoutExitsSixAndLeavesTheWorkflowRunning()
    {
        await using var h = await ClusterCommandHarness.StartAsync();
        h.AddTemplate();

        var (code, _, stderr) = await h.RunAsync("submit", "--from", "workflowtemplate/pipeline", "--wait", "--timeout", "100ms");

        Assert.Equal(6, code);
        Assert.Contains("keeps running (nothing was deleted)", stderr, StringComparison.Ordinal);
        Assert.Single(h.Server.Store.List(FakeResource.Workflows, "argo"));
    }

    [Fact]
    public async Task SpecFileIsGeneratedAppliedAndSubmitted()
    {
        await using var h = await ClusterCommandHarness.StartAsync();
        var spec = Path.Combine(SharedData.RepoRoot, "samples", "pipelines", "classic.yaml");

        var (code, stdout, stderr) = await h.RunAsync("submit", spec, "--mode", "plugin", "-o", "json");

        Assert.Equal(0, code);
        Assert.Contains("workflowtemplate.argoproj.io/classic created", stderr, StringComparison.Ordinal);
        var workflow = JsonNode.Parse(stdout)!;
        Assert.Equal("classic", (string?)workflow["spec"]!["workflowTemplateRef"]!["name"]);
        var template = h.Server.Store.Get(FakeResource.WorkflowTemplates, "argo", "classic")!;
        Assert.Equal("plugin", (string?)template["metadata"]!["labels"]!["argoflow.io/mode"]);
    }

    [Fact]
    public async Task CtrlCStopsWatchingAndDeletesNothing()
    {
        await using var h = await ClusterCommandHarness.StartAsync();
        h.AddTemplate();
        using var interrupt = new CancellationTokenSource();
        var run = h.RunAsync(interrupt.Token, "submit", "--from", "workflowtemplate/pipeline", "--watch");
        var name = await h.Server.Controller.WaitForSubmittedAsync().WithinAsync("argoflow submit to create the workflow");
        await h.Server.Controller.AdvanceAsync(name, 2);
        await Wait.UntilAsync(() => h.Server.WatchesOpened > 0, "argoflow submit --watch to open its watch");

        await interrupt.CancelAsync();
        var (code, _, stderr) = await run;

        Assert.Equal(130, code);
        Assert.Contains($"stopped watching; workflow {name} keeps running (nothing was deleted)", stderr, StringComparison.Ordinal);
        Assert.NotNull(h.Server.Store.Get(FakeResource.Workflows, "argo", name));
        Assert.DoesNotContain(h.Server.Requests, r => r.StartsWith("DELETE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForbiddenSubmitExitsFourWithTheServersMessage()
    {
        await using var h = await ClusterCommandHarness.StartAsync();
        h.AddTemplate();
        h.Server.Forbid("create", "workflows");

        var (code, _, stderr) = await h.RunAsync("submit", "--from", "workflowtemplate/pipeline");

        Assert.Equal(4, code);
        Assert.Contains("error: forbidden (403): workflows.argoproj.io is forbidden: User \"system:serviceaccount:argo:argoflow\" cannot create resource \"workflows\"", stderr, StringComparison.Ordinal);
        Assert.Contains("hint: ask for RBAC permission", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromAndFileTogetherIsAUsageError()
    {
        await using var h = await ClusterCommandHarness.StartAsync();

        var (code, _, stderr) = await h.RunAsync("submit", "--from", "workflowtemplate/a", "x.yaml");

        Assert.Equal(2, code);
        Assert.Contains("exactly one of", stderr, StringComparison.Ordinal);
    }
}

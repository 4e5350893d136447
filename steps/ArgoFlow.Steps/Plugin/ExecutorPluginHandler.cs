using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ArgoFlow.Core.Errors;
using ArgoFlow.Steps.Client;
using ArgoFlow.Steps.Runner;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArgoFlow.Steps.Plugin;

/// <summary>
/// Argo's executor plugin contract for <c>POST /api/v1/template.execute</c>: checks the bearer token, answers
/// <c>{}</c> for templates that are not <c>argoflow</c> plugin templates, calls the service through the step
/// client and answers the node's phase, message and outputs (<c>result</c> = the response JSON, as an http
/// template's body would be). UNAVAILABLE and load shedding become 503 so Argo retries; everything that can never
/// succeed (INVALID_ARGUMENT, FAILED_PRECONDITION, a message over the size limit, an endpoint off the allow-list)
/// is a Failed node; a call that takes longer than
/// <see cref="PluginOptions.RequeueAfter"/> is answered Running with a requeue and collected on a later request.
/// </summary>
public sealed class ExecutorPluginHandler
{
    /// <summary>Leads the message of a node failed for its own request, so retryStrategy.expression can tell it is permanent.</summary>
    private const string InvalidArgument = "INVALID_ARGUMENT";
    private static readonly JsonParser RequestParser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));
    private readonly IStepInvoker invoker;
    private readonly PluginTokenVerifier tokens;
    private readonly PluginOptions options;
    private readonly PendingCalls pending;
    private readonly EndpointAllowList allowList;
    private readonly ILogger logger;

    public ExecutorPluginHandler(IStepInvoker invoker, PluginTokenVerifier tokens, PluginOptions options, ILogger<ExecutorPluginHandler>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(options);
        this.invoker = invoker;
        this.tokens = tokens;
        this.options = options;
        pending = new PendingCalls(options.TimeProvider);
        allowList = new EndpointAllowList(options.AllowedEndpoints);
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Calls still running after their request was answered Running.</summary>
    internal int PendingCount => pending.Count;

    public async Task<PluginReply> ExecuteAsync(string? authorization, Stream body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var (ok, status, problem) = tokens.Check(authorization);
        if (!ok)
        {
            PluginLog.Rejected(logger, status, problem);
            return Error(status, problem);
        }

        PluginTemplate template;
        try
        {
            using var document = await JsonDocument.ParseAsync(body, default, cancellationToken);
            template = PluginTemplate.Parse(document.RootElement);
        }
        catch (JsonException ex)
        {
            return Error(400, $"malformed template.execute body: {ex.Message}");
        }

        if (template.Config is not { } config)
        {
            return PluginReply.NotMine;
        }

        var (step, problems) = PluginStepConfig.Read(config);
        if (step is null)
        {
            return Node("Failed", $"template '{template.TemplateName}': {string.Join("; ", problems)}", null);
        }

        if (Refusal(step) is { } refusal)
        {
            PluginLog.Refused(logger, template.Workflow, template.TemplateName, refusal);
            return Node("Failed", $"template '{template.TemplateName}': {refusal}", null);
        }

        var key = Key(template);
        var resumed = pending.TryGet(key, out var call);
        if (!resumed)
        {
            call = RunAsync(template, step);
        }

        var reply = await WaitOrRequeueAsync(call, cancellationToken);
        if (reply is null)
        {
            if (!resumed)
            {
                pending.Add(key, call);
            }

            return Node("Running", $"{step.Binding.Name} call to {step.Endpoint} still running", null, options.RequeueInterval);
        }

        pending.Collected(key, call);
        return reply;
    }

    /// <summary>The sidecar's own policy: endpoints on the allow-list only, timeouts under the cap.</summary>
    private string? Refusal(PluginStepConfig step) =>
        allowList.Refusal(step.Endpoint) ?? (step.Timeout.TotalSeconds > options.MaxTimeoutSeconds
            ? string.Create(CultureInfo.InvariantCulture,
                $"plugin.argoflow.timeoutSeconds {step.Timeout.TotalSeconds} is over this sidecar's limit of {options.MaxTimeoutSeconds}")
            : null);

    private async Task<PluginReply?> WaitOrRequeueAsync(Task<PluginReply> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call.WaitAsync(options.RequeueAfter, options.TimeProvider, cancellationToken);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    // The call does not take the request's token: when it outlives the request it is collected on a requeue.
    private async Task<PluginReply> RunAsync(PluginTemplate template, PluginStepConfig step)
    {
        var name = string.IsNullOrEmpty(template.TemplateName) ? step.Binding.Name : template.TemplateName;
        var json = PluginRequestText.Read(step, out var problems);
        if (problems.Count > 0)
        {
            return Node("Failed", $"{InvalidArgument}: template '{name}': {string.Join("; ", problems)}", null);
        }

        IMessage request;
        try
        {
            request = RequestParser.Parse(json, step.Binding.RequestDescriptor);
        }
        catch (InvalidProtocolBufferException ex)
        {
            return Node("Failed", $"{InvalidArgument}: template '{name}': plugin.argoflow.request is not a valid {step.Binding.Name} request: {ex.Message}", null);
        }

        try
        {
            var result = await invoker.InvokeAsync(
                new StepCall(name, step.Binding, step.Endpoint, request, step.Timeout, options.Retry), CancellationToken.None);
            PluginLog.Executed(logger, template.Workflow, name, result.Attempts, result.ClientMs);
            return Succeeded(step.Binding, result);
        }
        catch (StepCallException ex) when (ex.IsTransient)
        {
            PluginLog.Transient(logger, template.Workflow, name, ex.Message);
            return Error(503, ex.Message);
        }
        catch (StepCallException ex)
        {
            return Node("Failed", ex.Message, null);
        }
        catch (ArgoFlowException ex)
        {
            // Anything else anticipated (an address the channel refuses...): a Failed node that says so, never a 500.
            return Node("Failed", $"template '{name}': {ex.Message}", null);
        }
    }

    private static PluginReply Succeeded(StepBinding binding, StepCallResult result)
    {
        var json = ProtoJson.Format(result.Response);
        var parameters = binding.Type?.Outputs
            .Select(port => (port.Name, Value: binding.ReadResponseString(result.Response, port.Field)))
            .Where(p => p.Value.Length > 0)
            .ToList() ?? [];
        var failed = binding.Type is null && binding.ReadResponseString(result.Response, "phase") is { Length: > 0 } phase &&
            phase != "Succeeded";
        var message = string.Create(CultureInfo.InvariantCulture,
            $"{binding.Name} {(failed ? "failed" : "succeeded")} in {result.ClientMs:F1} ms ({result.Attempts} attempt{(result.Attempts == 1 ? "" : "s")})");
        return Node(failed ? "Failed" : "Succeeded", message, (json, parameters));
    }

    private static string Key(PluginTemplate template) =>
        template.WorkflowUid + ":" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(template.RawTemplate)));

    private static PluginReply Error(int status, string message) =>
        new(status, JsonSerializer.Serialize(new Dictionary<string, string> { ["error"] = message }));

    private static PluginReply Node(
        string phase, string message, (string Result, List<(string Name, string Value)> Parameters)? outputs, TimeSpan? requeue = null) =>
        new(200, PluginReplyWriter.Write(phase, message, outputs, requeue));
}

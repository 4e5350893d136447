using System.CommandLine;
using System.CommandLine.Parsing;
using ArgoFlow.Core.Catalog;
using ArgoFlow.Core.Errors;
using ArgoFlow.Steps.Client;
using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Cli.Commands;

/// <summary>
/// The options of one `argoflow step TYPE` command, built from the catalogue: each parameter as
/// <c>--kebab-name</c> with its catalogue name (<c>--maxSide</c>) as an alias, each extra input port by its request
/// field (<c>--regions-uri</c>), plus --target, --input, --timeout-seconds and --retries.
/// </summary>
internal sealed class StepOptions
{
    private readonly StepType type;
    private readonly List<(ParameterSpec Parameter, Option<string> Option)> parameters = [];
    private readonly List<(StepPort Port, Option<string> Option)> inputs = [];

    public StepOptions(StepType type)
    {
        this.type = type;
        foreach (var port in type.Inputs)
        {
            var option = port.Field == "input"
                ? new Option<string>("--input") { Description = port.Description + " (URI or store key)", Required = true }
                : new Option<string>("--" + Kebab(port.Field), "--" + port.Field) { Description = port.Description };
            inputs.Add((port, option));
        }

        foreach (var parameter in type.Parameters)
        {
            var names = Kebab(parameter.Name) == parameter.Name ? [] : new[] { "--" + parameter.Name };
            var option = new Option<string>("--" + Kebab(parameter.Name), names)
            {
                Description = $"{parameter.Description} Expects {parameter.Expected}" +
                    (parameter.Default is null ? "." : $"; default {parameter.Default}."),
                HelpName = parameter.Kind == ParameterKind.Boolean ? "true|false" : parameter.Kind.ToString().ToUpperInvariant(),
            };
            if (parameter.Kind == ParameterKind.Boolean)
            {
                // `--annotate` alone means true; `--annotate false` is accepted too.
                option.Arity = ArgumentArity.ZeroOrOne;
            }

            parameters.Add((parameter, option));
        }
    }

    public Option<string> Target { get; } = new("--target")
    {
        Description = "The service's gRPC address HOST:PORT (a name is resolved to every address it has, e.g. a headless Service's pods), https://HOST:PORT for TLS, or several replicas as HOST:PORT,HOST:PORT.",
        Required = true,
    };

    public Option<int> Timeout { get; } = new("--timeout-seconds", "--timeout")
    {
        Description = "Deadline of each attempt, in seconds.",
        DefaultValueFactory = _ => 30,
    };

    public Option<int> Retries { get; } = new("--retries")
    {
        Description = "Retries when the service is UNAVAILABLE (exponential backoff with jitter).",
        DefaultValueFactory = _ => RetryPolicy.Default.Limit,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Target);
        foreach (var (_, option) in inputs)
        {
            command.Options.Add(option);
        }

        foreach (var (_, option) in parameters)
        {
            command.Options.Add(option);
        }

        command.Options.Add(Timeout);
        command.Options.Add(Retries);
    }

    /// <summary>Builds the call, reporting every bad value at once.</summary>
    public (StepCall Call, int Retries) Read(ParseResult parse)
    {
        var problems = new List<string>();
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (parameter, option) in parameters)
        {
            if (parse.GetResult(option) is null)
            {
                continue;
            }

            var text = parse.GetValue(option) ?? (parameter.Kind == ParameterKind.Boolean ? "true" : string.Empty);
            try
            {
                values[parameter.Name] = StepValueParser.Parse(parameter, text, option.Name);
            }
            catch (ArgoFlowException ex)
            {
                problems.Add(ex.Message);
            }
        }

        if (problems.Count == 0)
        {
            problems.AddRange(type.CheckCombination(values).Select(p => $"--{Kebab(p.Parameter)}: {p.Message}"));
        }

        var timeout = parse.GetValue(Timeout);
        var retries = parse.GetValue(Retries);
        if (timeout < 1)
        {
            problems.Add($"--timeout-seconds: must be >= 1 second, got {timeout}");
        }

        if (retries is < 0 or > 20)
        {
            problems.Add($"--retries: must be in 0..20, got {retries}");
        }

        if (problems.Count > 0)
        {
            throw new ArgoFlowException(ExitCode.Usage, string.Join(Environment.NewLine + "error: ", problems),
                $"see `argoflow step {type.Name} --help` for every parameter and its range");
        }

        var ports = inputs.Where(i => parse.GetValue(i.Option) is not null)
            .ToDictionary(i => i.Port.Name, i => parse.GetValue(i.Option)!, StringComparer.Ordinal);
        var target = parse.GetValue(Target)!;
        StepChannelPool.ToAddress(target);
        var request = StepRequestFactory.Create(type, values, ports, $"step {type.Name}");
        return (new StepCall(type.Name, StepBinding.For(type), target, request, TimeSpan.FromSeconds(timeout), RetryPolicy.Default), retries);
    }

    /// <summary>maxSide -> max-side, regionsUri -> regions-uri.</summary>
    public static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));
}

using System.CommandLine;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Cli.Commands;

/// <summary>The options of `argoflow run` and their checks (every problem reported at once).</summary>
internal sealed class RunOptions
{
    public const string Embedded = "embedded";

    private readonly Option<string> file = new("--file", "-f") { Description = "The pipeline spec (YAML).", Required = true };
    private readonly Option<string?> input = new("--input", "-i")
    {
        Description = "An image file, a folder of images, or a URI/key the services read (sets the spec's 'input' parameter).",
    };
    private readonly Option<string?> output = new("--output-dir", "--out")
    {
        Description = "Folder for the outputs (the embedded services' store). Default: a new folder under the temp directory, printed.",
        HelpName = "DIR",
    };
    private readonly Option<string> services = new("--services")
    {
        Description = "'embedded' (start the services in this process), or HOST:PORT of running services; several replicas as HOST:PORT,HOST:PORT (calls spread over them).",
        DefaultValueFactory = _ => Embedded,
    };
    private readonly Option<string?> model = new("--model")
    {
        Description = "Detection model (.onnx) for the embedded detect service. Default: ARGOFLOW_MODELS, then ../shared/models.",
    };
    private readonly Option<string[]> parameters = new("--parameter", "-p")
    {
        Description = "A pipeline parameter NAME=VALUE (repeatable; overrides --parameter-file).",
        AllowMultipleArgumentsPerToken = false,
    };
    private readonly Option<string?> parameterFile = new("--parameter-file")
    {
        Description = "A YAML or JSON file of parameters, name: value (as argo submit --parameter-file).",
        HelpName = "FILE",
    };
    private readonly Option<int> repeat = new("--repeat") { Description = "Run each input N times on the warm services.", DefaultValueFactory = _ => 1 };
    private readonly Option<int?> parallel = new("--parallel")
    {
        Description = "Runs in flight at once. Default: the processor count for a folder, else 1.",
    };
    private readonly Option<bool> noDetectionsJson = new("--no-detections-json")
    {
        Description = "Do not write the detections JSON of detect steps (written by default; a step whose detections a later step reads, or whose spec sets writeDetections, keeps its setting).",
    };
    private readonly Option<string> format = new("--output", "-o")
    {
        Description = "table (summary on stderr) or json (results on stdout, summary on stderr).",
        DefaultValueFactory = _ => "table",
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { file, input, output, services, model, parameters, parameterFile, repeat, parallel, noDetectionsJson, format })
        {
            command.Options.Add(option);
        }
    }

    public RunSettings Read(ParseResult parse)
    {
        var problems = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (parse.GetValue(parameterFile) is { } path)
        {
            foreach (var (name, value) in Cluster.Submit.ParameterFile.Read(path))
            {
                values[name] = value;
            }
        }

        foreach (var pair in parse.GetValue(parameters) ?? [])
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                problems.Add($"-p {pair}: expected NAME=VALUE");
            }
            else
            {
                values[pair[..eq]] = pair[(eq + 1)..];
            }
        }

        var n = parse.GetValue(repeat);
        var p = parse.GetValue(parallel);
        var fmt = parse.GetValue(format) ?? "table";
        if (n is < 1 or > 1_000_000)
        {
            problems.Add($"--repeat: must be in 1..1000000, got {n}");
        }

        if (p is < 1 or > 256)
        {
            problems.Add($"--parallel: must be in 1..256, got {p}");
        }

        if (fmt is not ("table" or "json"))
        {
            problems.Add($"--output: must be table or json, got '{fmt}'");
        }

        var target = parse.GetValue(services) ?? Embedded;
        if (target != Embedded)
        {
            try
            {
                Steps.Client.StepChannelPool.ToAddress(target);
            }
            catch (ArgoFlowException ex)
            {
                problems.Add($"--services: {ex.Message}; give 'embedded', HOST:PORT or HOST:PORT,HOST:PORT");
            }
        }

        if (values.ContainsKey(RunInputs.ParameterName) && parse.GetValue(input) is not null)
        {
            problems.Add($"give the input once: --input or -p {RunInputs.ParameterName}=..., not both");
        }

        if (problems.Count > 0)
        {
            throw new ArgoFlowException(ExitCode.Usage, string.Join(Environment.NewLine + "error: ", problems),
                "see `argoflow run --help`");
        }

        return new RunSettings(parse.GetValue(file)!, parse.GetValue(input), parse.GetValue(output), target,
            parse.GetValue(model), values, n, p, fmt == "json", !parse.GetValue(noDetectionsJson));
    }
}

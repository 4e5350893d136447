using System.CommandLine;
using ArgoFlow.Core.Catalog;
using ArgoFlow.Core.Errors;
using ArgoFlow.Steps.Client;
using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Cli.Commands;

/// <summary>
/// `argoflow step resize|detect|filter --target HOST:PORT --input URI [--PARAM VALUE ...]`: one call through the
/// step client, the response JSON on stdout (a container template's <c>outputs.result</c>). The options are
/// generated from the catalogue, so every parameter the generator can emit is accepted here.
/// </summary>
internal static class StepCommand
{
    public static Command Create()
    {
        var command = new Command("step", """
            Call one warm service once and print its result JSON (what --mode container templates run).

            Examples:
              argoflow step resize --target 127.0.0.1:9090 --input in/photo.jpg --max-side 1280
              argoflow step detect --target 127.0.0.1:9090 --input in/photo.jpg --classes person
            """);
        foreach (var type in StepCatalog.All)
        {
            command.Subcommands.Add(CreateFor(type));
        }

        return command;
    }

    private static Command CreateFor(StepType type)
    {
        var options = new StepOptions(type);
        var command = new Command(type.Name, $"""
            {type.Description}

            Examples:
              argoflow step {type.Name} --target 127.0.0.1:9090 --input in/photo.jpg
              argoflow step {type.Name} --target argoflow-{type.Name}.argo.svc:9090 --input s3://images/in.jpg --timeout-seconds 10
            """);
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (call, retries) = options.Read(parse);
            var timeout = TimeSpan.FromSeconds(parse.GetValue(options.Timeout));
            var retry = RetryPolicy.Default with { Limit = retries };
            using var client = new StepClient();
            var result = await client.InvokeAsync(call with { Timeout = timeout, Retry = retry }, cancellationToken);
            await parse.InvocationConfiguration.Output.WriteLineAsync(ProtoJson.Format(result.Response));
            return (int)ExitCode.Ok;
        });
        return command;
    }
}

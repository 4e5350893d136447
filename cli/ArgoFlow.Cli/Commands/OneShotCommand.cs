using System.CommandLine;
using ArgoFlow.Bench.Local;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Cli.Commands;

/// <summary>
/// `argoflow oneshot TYPE --store DIR [--model PATH]` (hidden): read one request JSON on stdin, start that one
/// service inside this process, make the call, print the response JSON, exit. What `bench --local` runs per
/// step in its cold mode; see docs/benchmarks.md.
/// </summary>
internal static class OneShotCommand
{
    public static Command Create()
    {
        var type = new Argument<string>("TYPE") { Description = "resize, detect or filter." };
        var store = new Option<string>("--store") { Description = "The local directory store the request's keys refer to.", Required = true };
        var model = new Option<string?>("--model") { Description = "Detection model (.onnx), for detect." };
        var command = new Command("oneshot", """
            Run one step in a fresh process with no server to reach (the bench's cold mode); the request JSON on stdin.

            Examples:
              echo '{"input":"in.jpg","maxSide":640}' | argoflow oneshot resize --store ./data
            """)
        {
            type,
            store,
            model,
        };
        command.Hidden = true;
        command.SetAction(async (parse, cancellationToken) =>
        {
            ArgoFlow.Services.Imaging.NativeRuntime.EnsureOpenCv();
            var name = parse.GetValue(type)!;
            var modelPath = name == "detect" ? RunModels.Resolve(parse.GetValue(model)) : null;

            var request = await Console.In.ReadToEndAsync(cancellationToken);
            var response = await OneShotStep.RunAsync(name, request, parse.GetValue(store)!, modelPath, cancellationToken);
            await parse.InvocationConfiguration.Output.WriteLineAsync(response);
            return (int)ExitCode.Ok;
        });
        return command;
    }
}

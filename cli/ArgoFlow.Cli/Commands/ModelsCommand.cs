using System.CommandLine;
using ArgoFlow.Core.Errors;
using ArgoFlow.Services.Models;

namespace ArgoFlow.Cli.Commands;

/// <summary>`argoflow models pull NAME [--from URL]`: download a known model into the cache and verify its sha256.</summary>
internal static class ModelsCommand
{
    public static Command Create()
    {
        var command = new Command("models", """
            Manage the detection models the services load.

            Examples:
              argoflow models pull fastestdet
            """);
        command.Subcommands.Add(CreatePull());
        return command;
    }

    private static Command CreatePull()
    {
        var name = new Argument<string>("name") { Description = $"Model to download: {string.Join(", ", KnownModel.All.Select(m => m.Name))}." };
        var from = new Option<string?>("--from") { Description = "Download from this http(s) URL instead of the upstream one (a mirror); the sha256 is still checked.", HelpName = "URL" };
        var cache = new Option<string?>("--cache-dir") { Description = "Cache folder (default ARGOFLOW_CACHE, XDG_CACHE_HOME/argoflow or ~/.cache/argoflow, + /models)." };
        var command = new Command("pull", """
            Download a model from its upstream URL, verify its sha256 and cache it; prints the cached path.

            Examples:
              argoflow models pull fastestdet
              argoflow models pull fastestdet --from https://mirror.example.com/FastestDet.onnx
              argoflow serve --model "$(argoflow models pull fastestdet)"
            """);
        command.Arguments.Add(name);
        command.Options.Add(from);
        command.Options.Add(cache);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var model = KnownModel.Find(parse.GetValue(name)!) ?? throw new ArgoFlowException(ExitCode.Usage,
                $"unknown model '{parse.GetValue(name)}'", $"known models: {string.Join(", ", KnownModel.All.Select(m => m.Name))}");
            var folder = parse.GetValue(cache) ?? ModelLocator.CacheDirectory(Environment.GetEnvironmentVariable);
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
            var (path, downloaded) = await new ModelPuller(http).PullAsync(model, folder, Source(parse.GetValue(from)), cancellationToken);
            await parse.InvocationConfiguration.Error.WriteLineAsync(downloaded
                ? $"downloaded {model.Name} ({model.Licence}), sha256 verified"
                : $"{model.Name} already cached, sha256 verified");
            await parse.InvocationConfiguration.Output.WriteLineAsync(path);
            return (int)ExitCode.Ok;
        });
        return command;
    }

    /// <summary>--from as an absolute http(s) URL; anything else is a usage error that says so.</summary>
    private static Uri? Source(string? text) =>
        text is null ? null
        : Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri
        : throw new ArgoFlowException(ExitCode.Usage, $"--from '{text}': expected an http:// or https:// URL",
            "give the mirror's full URL, e.g. --from https://mirror.example.com/FastestDet.onnx");
}

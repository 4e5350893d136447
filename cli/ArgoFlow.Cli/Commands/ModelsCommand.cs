using System.CommandLine;
using ArgoFlow.Core.Errors;
using ArgoFlow.Services.Models;

namespace ArgoFlow.Cli.Commands;

/// <summary>`argoflow models pull NAME [--from URL]`: download a known model into the cache and verify its sha256.</summary>
internal static class ModelsCommand
{
    public static Command Create()
    {
        var command = new Command("models", "Manage the detection models the services load.");
        command.Subcommands.Add(CreatePull());
        return command;
    }

    private static Command CreatePull()
    {
        var name = new Argument<string>("name") { Description = $"Model to download: {string.Join(", ", KnownModel.All.Select(m => m.Name))}." };
        var from = new Option<Uri?>("--from") { Description = "Download from this URL instead of the upstream one (a mirror); the sha256 is still checked." };
        var cache = new Option<string?>("--cache-dir") { Description = "Cache folder (default ARGOFLOW_CACHE, XDG_CACHE_HOME/argoflow or ~/.cache/argoflow, + /models)." };
        var command = new Command("pull", "Download a model from its upstream URL, verify its sha256 and cache it; prints the cached path.");
        command.Arguments.Add(name);
        command.Options.Add(from);
        command.Options.Add(cache);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var model = KnownModel.Find(parse.GetValue(name)!) ?? throw new ArgoFlowException(ExitCode.Usage,
                $"unknown model '{parse.GetValue(name)}'", $"known models: {string.Join(", ", KnownModel.All.Select(m => m.Name))}");
            var folder = parse.GetValue(cache) ?? ModelLocator.CacheDirectory(Environment.GetEnvironmentVariable);
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
            var (path, downloaded) = await new ModelPuller(http).PullAsync(model, folder, parse.GetValue(from), cancellationToken);
            await parse.InvocationConfiguration.Error.WriteLineAsync(downloaded
                ? $"downloaded {model.Name} ({model.Licence}), sha256 verified"
                : $"{model.Name} already cached, sha256 verified");
            await parse.InvocationConfiguration.Output.WriteLineAsync(path);
            return (int)ExitCode.Ok;
        });
        return command;
    }
}

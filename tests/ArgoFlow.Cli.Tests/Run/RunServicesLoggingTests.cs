using ArgoFlow.Cli.Commands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArgoFlow.Cli.Tests.Run;

/// <summary>The embedded services of `argoflow run` log nothing into its summary unless --verbose.</summary>
public sealed class RunServicesLoggingTests
{
    private static ServiceProvider Configure(bool verbose) =>
        new ServiceCollection().AddLogging(logging =>
        {
            // The rule a Logging__LogLevel__Default=Trace variable adds to an ASP.NET host's logging: run's choice must win.
            logging.AddFilter(category: null, LogLevel.Trace);
            RunServices.Logging(logging, verbose);
        }).BuildServiceProvider();

    [Theory]
    [InlineData("Microsoft.AspNetCore.Server.Kestrel")]
    [InlineData("ArgoFlow.Services.Grpc.DetectGrpcService")]
    public void Without_verbose_no_warning_or_error_reaches_any_output(string category)
    {
        using var services = Configure(verbose: false);

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(category);

        Assert.Empty(services.GetServices<ILoggerProvider>());
        Assert.False(logger.IsEnabled(LogLevel.Warning));
        Assert.False(logger.IsEnabled(LogLevel.Error));
    }

    [Fact]
    public void With_verbose_the_services_log_from_information_on_the_console()
    {
        using var services = Configure(verbose: true);

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("ArgoFlow.Services.Grpc.DetectGrpcService");

        Assert.Single(services.GetServices<ILoggerProvider>());
        Assert.True(logger.IsEnabled(LogLevel.Warning));
    }
}

using ArgoFlow.Cli;
using ArgoFlow.Services.Imaging;

// Before anything can load OpenCV: its thread pool reads these settings once, and image buffers come from malloc.
OpenCvThreads.SleepWhenIdle();
NativeHeap.KeepImageBuffers();
return await CliApp.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);

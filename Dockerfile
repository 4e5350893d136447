# syntax=docker/dockerfile:1
# The one ArgoFlow image: `argoflow serve` (the warm services), `argoflow step` (container mode), `argoflow plugin
# serve` (executor plugin sidecar). Generated manifests reference it through a configurable image name.
#
#   docker build -t argoflow:dev .                      # includes FastestDet, pulled and sha256-checked at build
#   docker build --build-arg INCLUDE_MODEL=false -t argoflow:dev .   # bring your own model (ARGOFLOW_MODELS / --model)
#
# .NET 10 images are Ubuntu 24.04 (noble); there are no Debian images for .NET 10.
ARG DOTNET_TAG=10.0-noble

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_TAG} AS build
# gcc and libjpeg-turbo's headers build libargoflow_jpeg.so, the streamed JPEG blur's row-by-row decoder; libwebp's
# build libargoflow_webp.so, the WebP encode and decode a cancelled call stops.
RUN apt-get update \
 && apt-get install -y --no-install-recommends gcc libc6-dev libjpeg-turbo8-dev libwebp-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Project files first so the restore layer is reused while only sources change.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY core/ArgoFlow.Core/*.csproj core/ArgoFlow.Core/
COPY services/ArgoFlow.Contracts/*.csproj services/ArgoFlow.Contracts/
COPY services/ArgoFlow.Services/*.csproj services/ArgoFlow.Services/
COPY templates/ArgoFlow.Templates/*.csproj templates/ArgoFlow.Templates/
COPY steps/ArgoFlow.Steps/*.csproj steps/ArgoFlow.Steps/
COPY cluster/ArgoFlow.Cluster/*.csproj cluster/ArgoFlow.Cluster/
COPY bench/ArgoFlow.Bench/*.csproj bench/ArgoFlow.Bench/
COPY cli/ArgoFlow.Cli/*.csproj cli/ArgoFlow.Cli/
RUN dotnet restore cli/ArgoFlow.Cli/ArgoFlow.Cli.csproj
COPY . .
RUN dotnet publish cli/ArgoFlow.Cli/ArgoFlow.Cli.csproj -c Release --no-restore -o /out -p:ArgoFlowRequireNativeJpeg=true -p:ArgoFlowRequireNativeWebp=true \
 && rm -f /out/*.pdb /out/*.dll.config

FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_TAG} AS runtime
# libOpenCvSharpExtern.so's direct NEEDED entries (readelf -d): GTK 3, gdk/pango/cairo/atk, freetype, harfbuzz,
# X11, libdrm, libatomic - GTK is linked even though no window is ever opened. libgtk-3-0t64 (Ubuntu 24.04's name)
# pulls all but the last two; the ldd check below proves nothing is missing. libargoflow_jpeg.so (the streamed
# JPEG paths) opens libargoflow_libjpeg.so, the build stage's libjpeg-turbo copied beside it, by path;
# libargoflow_webp.so likewise opens libargoflow_libwebp.so (no runtime package needed for either).
RUN apt-get update \
 && apt-get install -y --no-install-recommends libgtk-3-0t64 libdrm2 libatomic1 \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /out/ ./
# Fail the build, not the first request, when a native dependency is missing.
RUN for lib in /app/*.so; do \
      if ldd "$lib" | grep -q 'not found'; then echo "missing libraries for $lib:"; ldd "$lib" | grep 'not found'; exit 1; fi; \
    done \
 && { test -f /app/libargoflow_jpeg.so -a -f /app/libargoflow_libjpeg.so || { echo "libargoflow_jpeg missing: the streamed JPEG paths would be off"; exit 1; }; } \
 && { test -f /app/libargoflow_webp.so -a -f /app/libargoflow_libwebp.so || { echo "libargoflow_webp missing: a cancel could not stop a WebP encode or decode"; exit 1; }; }

ARG INCLUDE_MODEL=true
RUN mkdir -p /opt/argoflow/models /data \
 && if [ "$INCLUDE_MODEL" = "true" ]; then /app/argoflow models pull fastestdet --cache-dir /opt/argoflow/models; fi \
 && chown -R "$APP_UID" /data

# Non-root (the base image's "app" user); the store default is the writable /data volume.
USER $APP_UID
# /app on PATH too, so `argoflow` resolves in a shell; generated container templates name /app/argoflow itself.
ENV PATH=/app:$PATH \
    ARGOFLOW_MODELS=/opt/argoflow/models \
    ARGOFLOW_STORE=/data \
    DOTNET_gcServer=0 \
    DOTNET_TieredPGO=1
VOLUME ["/data"]
EXPOSE 9090 8080 4355
HEALTHCHECK --interval=10s --timeout=3s CMD ["/app/argoflow", "health", "--target", "127.0.0.1:9090"]
ENTRYPOINT ["/app/argoflow"]
CMD ["serve"]

/*
 * libargoflow_webp: a WebP encoder and decoder on the system libwebp that a cancelled call can stop (issue 14,
 * point 7). OpenCV's imencode/imdecode run libwebp in one call that nobody can interrupt: a 16383-wide encode
 * kept a core busy for seconds after its caller left. Here the encoder's progress hook returns 0 (libwebp then
 * stops with VP8_ENC_ERROR_USER_ABORT) once the caller sets *cancel, and the decoder is libwebp's incremental one,
 * which the C# side (NativeWebp.cs) feeds a chunk at a time, looking at the call's token between chunks.
 *
 * The settings are OpenCV's (modules/imgcodecs/src/grfmt_webp.cpp, libwebp's WebPEncodeBGR and friends):
 * WebPConfigPreset(DEFAULT, quality), lossless at quality 70 with ARGB input when OpenCV's quality is over 100,
 * a BGR(A) import with the Mat's stride; the decoder writes BGR into the caller's buffer, dropping any alpha as
 * OpenCV's IMREAD_COLOR does.
 *
 * libwebp is not linked, for the reason argoflow_jpeg.c gives for libjpeg: OpenCV's native library exports its
 * own libwebp (another version, other struct layouts), and the system libwebp can already be in the process as
 * a dependency of OpenCV's (through GTK and libtiff), where its calls to its own functions bind to OpenCV's copy.
 * The build copies the libwebp it compiled against beside this library as libargoflow_libwebp.so, and afw_load
 * opens that copy by path with RTLD_DEEPBIND, so it binds its calls to itself.
 *
 * Built by ArgoFlow.Services.csproj when gcc and libwebp's headers are present; without it the services use
 * OpenCV's WebP codec, which a cancel cannot stop.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
#include "argoflow_webp.h"

#define AFW_VERSION 2

afw_lib lib;

int afw_version(void) { return AFW_VERSION; }

/*
 * Opens the libwebp at path (the copy beside this library) and finds its functions; 0 on success, otherwise -1
 * with the reason in message. Called once, before anything else (the C# side does it inside a Lazy).
 */
int afw_load(const char *path, char *message, int message_size) {
    void *handle;
    if (lib.loaded) {
        return 0;
    }
    handle = dlopen(path, RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
    if (handle == NULL) {
        snprintf(message, message_size, "%s", dlerror());
        return -1;
    }
    *(void **)&lib.config_init = dlsym(handle, "WebPConfigInitInternal");
    *(void **)&lib.picture_init = dlsym(handle, "WebPPictureInitInternal");
    *(void **)&lib.import_bgr = dlsym(handle, "WebPPictureImportBGR");
    *(void **)&lib.import_bgra = dlsym(handle, "WebPPictureImportBGRA");
    *(void **)&lib.encode = dlsym(handle, "WebPEncode");
    *(void **)&lib.picture_alloc = dlsym(handle, "WebPPictureAlloc");
    *(void **)&lib.picture_free = dlsym(handle, "WebPPictureFree");
    *(void **)&lib.get_features = dlsym(handle, "WebPGetFeaturesInternal");
    *(void **)&lib.inew_rgb = dlsym(handle, "WebPINewRGB");
    *(void **)&lib.iupdate = dlsym(handle, "WebPIUpdate");
    *(void **)&lib.idelete = dlsym(handle, "WebPIDelete");
    if (!lib.config_init || !lib.picture_init || !lib.import_bgr || !lib.import_bgra || !lib.encode ||
        !lib.picture_alloc || !lib.picture_free || !lib.get_features || !lib.inew_rgb || !lib.iupdate || !lib.idelete) {
        snprintf(message, message_size, "%s lacks a function this codec needs", path);
        return -1;
    }
    lib.loaded = 1;
    return 0;
}

/* libwebp's names for its decoder statuses, in the order of enum VP8StatusCode. */
static const char *const statuses[] = {
    "VP8_STATUS_OK",
    "VP8_STATUS_OUT_OF_MEMORY",
    "VP8_STATUS_INVALID_PARAM",
    "VP8_STATUS_BITSTREAM_ERROR",
    "VP8_STATUS_UNSUPPORTED_FEATURE",
    "VP8_STATUS_SUSPENDED",
    "VP8_STATUS_USER_ABORT",
    "VP8_STATUS_NOT_ENOUGH_DATA",
};

const char *afw_status_name(int status) {
    return status >= 0 && status < (int)(sizeof statuses / sizeof statuses[0]) ? statuses[status]
                                                                               : "VP8_STATUS (unknown)";
}

/* The bitstream's size and kind from its first bytes; a VP8StatusCode (0 when known). */
int afw_features(const uint8_t *data, size_t size, int *width, int *height, int *has_alpha, int *has_animation) {
    WebPBitstreamFeatures features;
    VP8StatusCode status;
    if (!lib.loaded) {
        return VP8_STATUS_INVALID_PARAM;
    }
    status = lib.get_features(data, size, &features, WEBP_DECODER_ABI_VERSION);
    if (status == VP8_STATUS_OK) {
        *width = features.width;
        *height = features.height;
        *has_alpha = features.has_alpha;
        *has_animation = features.has_animation;
    }
    return (int)status;
}

/*
 * An incremental decoder writing BGR into dest (rows stride bytes apart, size bytes in all, which must stay valid
 * until afw_decoder_delete), or NULL when libwebp refuses the buffer.
 */
WebPIDecoder *afw_decoder_new(uint8_t *dest, size_t size, int stride) {
    return lib.loaded ? lib.inew_rgb(MODE_BGR, dest, size, stride) : NULL;
}

/*
 * Decodes as far as the first `size` bytes of data allow (data grows from one call to the next and stays where it
 * is: libwebp keeps a pointer to it rather than a copy). A VP8StatusCode: 0 when the image is complete,
 * 5 (VP8_STATUS_SUSPENDED) when it needs more data, any other on an error.
 */
int afw_decoder_update(WebPIDecoder *decoder, const uint8_t *data, size_t size) {
    return (int)lib.iupdate(decoder, data, size);
}

void afw_decoder_delete(WebPIDecoder *decoder) {
    if (decoder != NULL) {
        lib.idelete(decoder);
    }
}

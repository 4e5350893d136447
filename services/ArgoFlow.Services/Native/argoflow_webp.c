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
#include <stdlib.h>
#include <string.h>
#include <webp/decode.h>
#include <webp/encode.h>

#define AFW_VERSION 2

static struct {
    int loaded;
    int (*config_init)(WebPConfig *, WebPPreset, float, int);
    int (*picture_init)(WebPPicture *, int);
    int (*import_bgr)(WebPPicture *, const uint8_t *, int);
    int (*import_bgra)(WebPPicture *, const uint8_t *, int);
    int (*encode)(const WebPConfig *, WebPPicture *);
    int (*picture_alloc)(WebPPicture *);
    void (*picture_free)(WebPPicture *);
    VP8StatusCode (*get_features)(const uint8_t *, size_t, WebPBitstreamFeatures *, int);
    WebPIDecoder *(*inew_rgb)(WEBP_CSP_MODE, uint8_t *, size_t, int);
    VP8StatusCode (*iupdate)(WebPIDecoder *, const uint8_t *, size_t);
    void (*idelete)(WebPIDecoder *);
} lib;

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

/* libwebp's names for its encoder errors, in the order of enum WebPEncodingError. */
static const char *const encoding_errors[] = {
    "VP8_ENC_OK",
    "VP8_ENC_ERROR_OUT_OF_MEMORY",
    "VP8_ENC_ERROR_BITSTREAM_OUT_OF_MEMORY",
    "VP8_ENC_ERROR_NULL_PARAMETER",
    "VP8_ENC_ERROR_INVALID_CONFIGURATION",
    "VP8_ENC_ERROR_BAD_DIMENSION",
    "VP8_ENC_ERROR_PARTITION0_OVERFLOW",
    "VP8_ENC_ERROR_PARTITION_OVERFLOW",
    "VP8_ENC_ERROR_BAD_WRITE",
    "VP8_ENC_ERROR_FILE_TOO_BIG",
    "VP8_ENC_ERROR_USER_ABORT",
};

/* The encoded file, grown as libwebp writes it; freed by afw_free. */
typedef struct afw_output {
    uint8_t *data;
    size_t size;
    size_t capacity;
    const volatile int *cancel;
} afw_output;

static int afw_write(const uint8_t *data, size_t size, const WebPPicture *picture) {
    afw_output *out = (afw_output *)picture->custom_ptr;
    if (out->size + size > out->capacity) {
        size_t capacity = out->capacity < 65536 ? 65536 : out->capacity;
        uint8_t *grown;
        while (capacity < out->size + size) {
            capacity *= 2;
        }
        grown = (uint8_t *)realloc(out->data, capacity);
        if (grown == NULL) {
            return 0;
        }
        out->data = grown;
        out->capacity = capacity;
    }
    memcpy(out->data + out->size, data, size);
    out->size += size;
    return 1;
}

/* Called by libwebp as the encode advances (each time its percentage changes); 0 stops it. */
static int afw_progress(int percent, const WebPPicture *picture) {
    (void)percent;
    return *((const afw_output *)picture->custom_ptr)->cancel == 0;
}

static void copy_plane(uint8_t *dest, int dest_stride, const uint8_t *src, int src_stride, int width, int rows) {
    int y;
    for (y = 0; y < rows; y++) {
        memcpy(dest + (size_t)y * dest_stride, src + (size_t)y * src_stride, (size_t)width);
    }
}

/*
 * The lossy import (BGR(A) to YUV 4:2:0, a pass over the whole image that reports no progress: about 0.2 s for
 * 49 megapixels) in bands of band_rows rows, with *cancel looked at between bands. Each 2x2 block's chroma and each
 * pair of rows' alpha handling depend only on those rows, so importing band by band into one picture gives the
 * planes of a whole-image import (CancellableWebpTests compares the files); band_rows 0 imports in one call.
 * Returns 1 on success, 0 on failure or cancel.
 */
static int import_lossy(WebPPicture *picture, const uint8_t *pixels, int stride, int channels, int band_rows,
                        const volatile int *cancel) {
    int y, any_alpha = 0;
    if (band_rows <= 0 || band_rows >= picture->height) {
        return channels == 3 ? lib.import_bgr(picture, pixels, stride) : lib.import_bgra(picture, pixels, stride);
    }
    band_rows &= ~1; /* even, so a band starts on a chroma row */
    picture->colorspace = channels == 4 ? WEBP_YUV420A : WEBP_YUV420;
    if (!lib.picture_alloc(picture)) {
        return 0;
    }
    for (y = 0; y < picture->height; y += band_rows) {
        WebPPicture band;
        const uint8_t *rows = pixels + (size_t)y * stride;
        int height = picture->height - y < band_rows ? picture->height - y : band_rows;
        int ok;
        if (*cancel != 0 || !lib.picture_init(&band, WEBP_ENCODER_ABI_VERSION)) {
            return 0;
        }
        band.width = picture->width;
        band.height = height;
        ok = channels == 3 ? lib.import_bgr(&band, rows, stride) : lib.import_bgra(&band, rows, stride);
        if (ok) {
            copy_plane(picture->y + (size_t)y * picture->y_stride, picture->y_stride, band.y, band.y_stride,
                       picture->width, height);
            copy_plane(picture->u + (size_t)(y / 2) * picture->uv_stride, picture->uv_stride, band.u, band.uv_stride,
                       (picture->width + 1) / 2, (height + 1) / 2);
            copy_plane(picture->v + (size_t)(y / 2) * picture->uv_stride, picture->uv_stride, band.v, band.uv_stride,
                       (picture->width + 1) / 2, (height + 1) / 2);
            if (channels == 4 && band.a != NULL) {
                any_alpha = 1;
                copy_plane(picture->a + (size_t)y * picture->a_stride, picture->a_stride, band.a, band.a_stride,
                           picture->width, height);
            } else if (channels == 4) {
                int row;
                for (row = 0; row < height; row++) {
                    memset(picture->a + (size_t)(y + row) * picture->a_stride, 0xFF, (size_t)picture->width);
                }
            }
        }
        if (!ok) {
            picture->error_code = band.error_code;
        }
        lib.picture_free(&band);
        if (!ok) {
            return 0;
        }
    }
    if (channels == 4 && !any_alpha) {
        /* A whole-image import of an opaque image has no alpha plane; the block stays owned by memory_. */
        picture->a = NULL;
        picture->colorspace = WEBP_YUV420;
    }
    return 1;
}

/*
 * Encodes width x height pixels of 3 (BGR) or 4 (BGRA) channels, rows `stride` bytes apart, lossy at quality
 * (1-100) or lossless (quality ignored: 70, as OpenCV's WebPEncodeLossless* calls use); a lossy import goes in
 * bands of band_rows rows (0: one call). Returns 0 with the file in *out (free it with afw_free) and its length in
 * *out_size, 1 when *cancel became non-zero (nothing to free), or -1 with libwebp's error name in message.
 */
int afw_encode(const uint8_t *pixels, int width, int height, int stride, int channels, float quality, int lossless,
               int band_rows, const volatile int *cancel, uint8_t **out, size_t *out_size, char *message, int message_size) {
    WebPConfig config;
    WebPPicture picture;
    afw_output output = {NULL, 0, 0, cancel};
    int ok;
    *out = NULL;
    *out_size = 0;
    if (!lib.loaded) {
        snprintf(message, message_size, "libwebp is not loaded (afw_load)");
        return -1;
    }
    if (channels != 3 && channels != 4) {
        snprintf(message, message_size, "%d channels (3 or 4 needed)", channels);
        return -1;
    }
    if (!lib.config_init(&config, WEBP_PRESET_DEFAULT, lossless ? 70.f : quality, WEBP_ENCODER_ABI_VERSION) ||
        !lib.picture_init(&picture, WEBP_ENCODER_ABI_VERSION)) {
        snprintf(message, message_size, "libwebp refused its own defaults (a version mismatch)");
        return -1;
    }
    config.lossless = lossless ? 1 : 0;
    picture.use_argb = lossless ? 1 : 0;
    picture.width = width;
    picture.height = height;
    picture.writer = afw_write;
    picture.custom_ptr = &output;
    picture.progress_hook = afw_progress;
    ok = lossless ? (channels == 3 ? lib.import_bgr(&picture, pixels, stride) : lib.import_bgra(&picture, pixels, stride))
                  : import_lossy(&picture, pixels, stride, channels, band_rows, cancel);
    /* The imports have no hook: look once more before the encode. */
    ok = ok && *cancel == 0 && lib.encode(&config, &picture);
    if (!ok) {
        int code = (int)picture.error_code;
        lib.picture_free(&picture);
        free(output.data);
        if (*cancel != 0) {
            return 1;
        }
        snprintf(message, message_size, "%s",
                 code >= 0 && code < (int)(sizeof encoding_errors / sizeof encoding_errors[0])
                     ? encoding_errors[code]
                     : "VP8_ENC_ERROR (unknown)");
        return -1;
    }
    lib.picture_free(&picture);
    *out = output.data;
    *out_size = output.size;
    return 0;
}

void afw_free(uint8_t *data) { free(data); }

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

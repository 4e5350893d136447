/*
 * The encoder half of libargoflow_webp (argoflow_webp.c describes the library): OpenCV's settings, a writer of
 * its own, and a progress hook that stops libwebp once the caller sets *cancel.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "argoflow_webp.h"

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

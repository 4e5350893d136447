/*
 * Shared by argoflow_webp.c (loading libwebp, the decoder) and argoflow_webp_encode.c (the encoder): libwebp's
 * functions, found by afw_load in the copy of libwebp beside the library (argoflow_webp.c says why).
 */
#ifndef ARGOFLOW_WEBP_H
#define ARGOFLOW_WEBP_H

#include <stddef.h>
#include <stdint.h>
#include <webp/decode.h>
#include <webp/encode.h>

typedef struct afw_lib {
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
} afw_lib;


/* Filled by afw_load; not exported from the library. */
extern afw_lib lib __attribute__((visibility("hidden")));

#endif

/*
 * libargoflow_jpeg: a row-by-row JPEG decoder on the system libjpeg(-turbo), for ArgoFlow's streamed filter
 * (StreamedJpegFilter.cs). OpenCV decodes a whole image before anything else can start; reading rows as they are
 * decoded lets the filter and the encoder work on the first strips while the decoder is still on the last ones.
 *
 * libjpeg reports fatal errors through error_exit, which must not return: only C can catch that (setjmp), which
 * is why this shim exists instead of calling libjpeg from C# directly. Warnings (corrupt entropy data) are
 * counted, not printed, and the decode goes on, as OpenCV's own decoder does.
 *
 * libjpeg is not linked: the build copies the libjpeg it compiled against beside this library as
 * libargoflow_libjpeg.so, and afj_load opens that copy by path with RTLD_DEEPBIND. OpenCV's native library exports
 * its own copy of libjpeg's functions and also loads the system libjpeg (through GTK), so inside the process the
 * system libjpeg's calls to its own functions (jpeg_read_header -> jpeg_consume_input) bind to OpenCV's copy,
 * built with another struct layout, and crash. A file of our own is a separate object, and DEEPBIND makes it bind
 * its calls to itself. (A namespace of its own - dlmopen - would do it too, but brings a second C library whose
 * malloc believes the process has one thread.)
 *
 * Built by ArgoFlow.Services.csproj when gcc and jpeglib.h are present; without it the services use OpenCV only.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>

#define AFJ_VERSION 5

static struct {
    int loaded;
    struct jpeg_error_mgr *(*std_error)(struct jpeg_error_mgr *);
    void (*create_decompress)(j_decompress_ptr, int, size_t);
    void (*mem_src)(j_decompress_ptr, const unsigned char *, unsigned long);
    int (*read_header)(j_decompress_ptr, boolean);
    boolean (*start_decompress)(j_decompress_ptr);
    JDIMENSION (*read_scanlines)(j_decompress_ptr, JSAMPARRAY, JDIMENSION);
    void (*destroy_decompress)(j_decompress_ptr);
} lib;

/*
 * Opens the libjpeg at path (the copy beside this library) and finds its functions; 0 on success, otherwise -1
 * with the reason in message. Called once, before any decoder is opened (the C# side does it under a lock).
 */
int afj_load(const char *path, char *message, int message_size) {
    void *handle;
    if (lib.loaded) {
        return 0;
    }
    handle = dlopen(path, RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
    if (handle == NULL) {
        snprintf(message, message_size, "%s", dlerror());
        return -1;
    }
    *(void **)&lib.std_error = dlsym(handle, "jpeg_std_error");
    *(void **)&lib.create_decompress = dlsym(handle, "jpeg_CreateDecompress");
    *(void **)&lib.mem_src = dlsym(handle, "jpeg_mem_src");
    *(void **)&lib.read_header = dlsym(handle, "jpeg_read_header");
    *(void **)&lib.start_decompress = dlsym(handle, "jpeg_start_decompress");
    *(void **)&lib.read_scanlines = dlsym(handle, "jpeg_read_scanlines");
    *(void **)&lib.destroy_decompress = dlsym(handle, "jpeg_destroy_decompress");
    if (!lib.std_error || !lib.create_decompress || !lib.mem_src || !lib.read_header || !lib.start_decompress ||
        !lib.read_scanlines || !lib.destroy_decompress) {
        snprintf(message, message_size, "%s lacks a function this decoder needs", path);
        return -1;
    }
    lib.loaded = 1;
    return 0;
}

typedef struct afj_decoder {
    struct jpeg_decompress_struct info; /* first, so a j_common_ptr is also an afj_decoder* */
    struct jpeg_error_mgr errors;
    jmp_buf on_error;
    int warnings;
    int started;
    char message[JMSG_LENGTH_MAX];
} afj_decoder;

static void afj_error_exit(j_common_ptr info) {
    afj_decoder *d = (afj_decoder *)info;
    (*info->err->format_message)(info, d->message);
    longjmp(d->on_error, 1);
}

static void afj_emit_message(j_common_ptr info, int level) {
    afj_decoder *d = (afj_decoder *)info;
    if (level < 0) {
        if (d->warnings++ == 0) {
            (*info->err->format_message)(info, d->message);
        }
    }
}

int afj_version(void) { return AFJ_VERSION; }

/*
 * Reads the header and starts decompressing to BGR (3 channels) with the accurate integer IDCT and smooth chroma
 * upsampling (libjpeg's defaults, the ones OpenCV uses), at 1/reduction of the full size (1, 2, 4 or 8: libjpeg
 * scales in the DCT domain, as OpenCV's IMREAD_REDUCED_* modes ask it to). A four-component (CMYK or YCCK) image
 * is decoded to CMYK rows (4 channels, *channels = 4) when cmyk is non-zero, which is what OpenCV asks libjpeg for
 * before converting to BGR itself; with cmyk zero it is not taken. Returns 0 and a decoder in *out, 1 when the
 * image is not one this path takes (12-bit, or CMYK unasked): the caller decodes it another way, or -1 on an
 * error whose text is in message (size message_size).
 */
int afj_open(const unsigned char *data, unsigned long size, int reduction, int cmyk, afj_decoder **out, int *width,
             int *height, int *channels, char *message, int message_size) {
    int four;
    afj_decoder *d;
    *out = NULL;
    if (reduction != 1 && reduction != 2 && reduction != 4 && reduction != 8) {
        snprintf(message, message_size, "reduction must be 1, 2, 4 or 8, not %d", reduction);
        return -1;
    }
    if (!lib.loaded) {
        snprintf(message, message_size, "libjpeg is not loaded (afj_load)");
        return -1;
    }
    d = (afj_decoder *)calloc(1, sizeof(afj_decoder));
    if (d == NULL) {
        snprintf(message, message_size, "out of memory");
        return -1;
    }
    d->info.err = lib.std_error(&d->errors);
    d->errors.error_exit = afj_error_exit;
    d->errors.emit_message = afj_emit_message;
    if (setjmp(d->on_error)) {
        snprintf(message, message_size, "%s", d->message);
        lib.destroy_decompress(&d->info);
        free(d);
        return -1;
    }
    lib.create_decompress(&d->info, JPEG_LIB_VERSION, sizeof(struct jpeg_decompress_struct));
    lib.mem_src(&d->info, data, size);
    lib.read_header(&d->info, TRUE);
    four = cmyk && d->info.num_components == 4 &&
           (d->info.jpeg_color_space == JCS_CMYK || d->info.jpeg_color_space == JCS_YCCK);
    if (d->info.data_precision != 8 ||
        !(four || d->info.jpeg_color_space == JCS_YCbCr || d->info.jpeg_color_space == JCS_GRAYSCALE ||
          d->info.jpeg_color_space == JCS_RGB)) {
        lib.destroy_decompress(&d->info);
        free(d);
        return 1;
    }
    d->info.out_color_space = four ? JCS_CMYK : JCS_EXT_BGR;
    d->info.dct_method = JDCT_ISLOW;
    d->info.do_fancy_upsampling = TRUE;
    d->info.scale_num = 1;
    d->info.scale_denom = (unsigned int)reduction;
    lib.start_decompress(&d->info);
    d->started = 1;
    if (d->info.output_components != (four ? 4 : 3)) {
        lib.destroy_decompress(&d->info);
        free(d);
        return 1;
    }
    *channels = d->info.output_components;
    *width = (int)d->info.output_width;
    *height = (int)d->info.output_height;
    *out = d;
    return 0;
}

/*
 * Decodes up to `rows` more rows into `dest` (row i of this call at dest + i * stride). Returns the number of
 * rows decoded (0 once all are), or -1 on an error whose text afj_message gives.
 */
int afj_read(afj_decoder *d, unsigned char *dest, long stride, int rows) {
    JSAMPROW pointers[16];
    volatile int done = 0;
    if (setjmp(d->on_error)) {
        return -1;
    }
    while (done < rows && d->info.output_scanline < d->info.output_height) {
        int want = rows - done;
        int i;
        JDIMENSION got;
        if (want > 16) {
            want = 16;
        }
        for (i = 0; i < want; i++) {
            pointers[i] = dest + (long)(done + i) * stride;
        }
        got = lib.read_scanlines(&d->info, pointers, (JDIMENSION)want);
        if (got == 0) {
            snprintf(d->message, sizeof d->message, "the decoder stopped at row %u of %u",
                     d->info.output_scanline, d->info.output_height);
            return -1;
        }
        done += (int)got;
    }
    return done;
}

/* The first warning or the error, NUL-terminated. */
const char *afj_message(const afj_decoder *d) { return d->message; }

/* Frees the decoder; safe at any point, finished or not. */
void afj_close(afj_decoder *d) {
    if (d == NULL) {
        return;
    }
    if (!setjmp(d->on_error)) {
        lib.destroy_decompress(&d->info);
    }
    free(d);
}

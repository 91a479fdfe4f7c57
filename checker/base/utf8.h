/*
 * utf8.h - UTF-8 validation shared by the emitters and the LSP server.
 */
#ifndef DMC_UTF8_H
#define DMC_UTF8_H

#include <stddef.h>

/**
 * Length (1-4) of the valid UTF-8 sequence at s, with n bytes available, or
 * 0 when it is not valid (bad lead or continuation byte, truncated,
 * overlong, a surrogate, or beyond U+10FFFF).
 */
size_t utf8_seq(const unsigned char *s, size_t n);

#endif

/* Code under #if 0 (a reference implementation kept as documentation) is not compiled, so not checked. */
#include <linux/io.h>

static void bitcpy_rev(void __iomem *dst, const void __iomem *src, unsigned int n)
{
#if 0
	/* the simple version, for comparison */
	memmove((char *)dst, (char *)src, n);
	return;
#endif
	while (n--)
		writeb(readb(src + n), dst + n);
}

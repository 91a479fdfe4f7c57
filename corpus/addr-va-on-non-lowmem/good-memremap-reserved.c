/* A reserved-memory region (RAM-like) is mapped with memremap(), not __va(). */
#include <linux/io.h>
#include <linux/of_reserved_mem.h>

struct fw_log {
	void *buf;
	size_t size;
};

static int fw_log_map(struct fw_log *fl, struct reserved_mem *rmem)
{
	fl->buf = memremap(rmem->base, rmem->size, MEMREMAP_WB);
	if (!fl->buf)
		return -ENOMEM;
	fl->size = rmem->size;
	return 0;
}

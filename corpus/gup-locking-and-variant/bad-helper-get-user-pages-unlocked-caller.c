/* A static helper calls get_user_pages(); its only caller, the write() handler, never takes mmap_lock. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/uaccess.h>

struct lcd_dev {
	struct device *dev;
	void __iomem *base;
	struct page *frame_pages[64];
	unsigned int nframe;
};

static int lcd_grab_pages(struct lcd_dev *lcd, unsigned long uaddr, size_t len)
{
	unsigned int nr = DIV_ROUND_UP(offset_in_page(uaddr) + len, PAGE_SIZE);
	long got;

	if (nr > ARRAY_SIZE(lcd->frame_pages))
		return -E2BIG;
	got = get_user_pages(uaddr & PAGE_MASK, nr, 0, lcd->frame_pages, NULL); /* expect-warning gup-locking-and-variant */
	if (got < 0)
		return got;
	lcd->nframe = got;
	return got == nr ? 0 : -EFAULT;
}

static void lcd_drop_pages(struct lcd_dev *lcd)
{
	unsigned int i;

	for (i = 0; i < lcd->nframe; i++)
		put_page(lcd->frame_pages[i]);
	lcd->nframe = 0;
}

static ssize_t lcd_write(struct file *file, const char __user *ubuf, size_t len, loff_t *ppos)
{
	struct lcd_dev *lcd = file->private_data;
	int ret;

	ret = lcd_grab_pages(lcd, (unsigned long)ubuf, len);
	if (ret) {
		lcd_drop_pages(lcd);
		return ret;
	}
	/* ... blit the pages to the panel ... */
	lcd_drop_pages(lcd);
	return len;
}

static const struct file_operations lcd_fops = {
	.owner = THIS_MODULE,
	.write = lcd_write,
};

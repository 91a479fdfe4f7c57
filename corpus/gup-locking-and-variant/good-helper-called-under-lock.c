/* Helpers that call get_user_pages() are only called with mmap_lock held: by their caller, or asserted. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>

struct gru_like {
	struct device *dev;
	unsigned long paddr;
};

static int lookup_user_page(unsigned long vaddr, int write, unsigned long *paddr)
{
	struct page *page;

	if (get_user_pages(vaddr, 1, write ? FOLL_WRITE : 0, &page, NULL) <= 0)
		return -EFAULT;
	*paddr = page_to_phys(page);
	put_page(page);
	return 0;
}

static int lookup_user_page_asserted(struct mm_struct *mm, unsigned long vaddr, struct page **page)
{
	mmap_assert_locked(mm);
	if (get_user_pages(vaddr, 1, 0, page, NULL) != 1)
		return -EFAULT;
	return 0;
}

static long gru_like_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct gru_like *g = file->private_data;
	struct page *page;
	int ret;

	mmap_read_lock(current->mm);
	ret = lookup_user_page(arg, 1, &g->paddr);
	if (!ret) {
		ret = lookup_user_page_asserted(current->mm, arg + PAGE_SIZE, &page);
		if (!ret)
			put_page(page);
	}
	mmap_read_unlock(current->mm);
	return ret;
}

static const struct file_operations gru_like_fops = {
	.unlocked_ioctl = gru_like_ioctl,
};

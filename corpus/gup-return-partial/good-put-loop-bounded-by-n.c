/* get_user_pages() family: the short path puts exactly the n pages it got, in a loop bounded by n. */
#include <linux/mm.h>
#include <linux/sched/mm.h>

static int grab_user_range(unsigned long start, int nr, struct page **pages)
{
	long n;
	int i;

	mmap_read_lock(current->mm);
	n = get_user_pages(start, nr, FOLL_WRITE, pages, NULL);
	mmap_read_unlock(current->mm);
	if (n < 0)
		return n;
	if (n < nr) {
		for (i = 0; i < n; i++)
			put_page(pages[i]);
		return -EFAULT;
	}
	return 0;
}

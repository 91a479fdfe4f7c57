/* mmap_read_trylock() tested correctly; the failure path returns, so pin_user_pages() only runs under the lock. */
#include <linux/mm.h>
#include <linux/sched/mm.h>

struct mirror {
	struct mm_struct *mm;
	struct page *pages[16];
	int npages;
};

static int mirror_snapshot(struct mirror *m, unsigned long start, int npages)
{
	long got;

	if (npages > 16)
		return -EINVAL;
	if (!mmap_read_trylock(m->mm))
		return -EAGAIN;
	got = pin_user_pages(start, npages, FOLL_LONGTERM, m->pages, NULL);
	mmap_read_unlock(m->mm);
	if (got < 0)
		return got;
	if (got != npages) {
		unpin_user_pages(m->pages, got);
		return -EFAULT;
	}
	m->npages = got;
	return 0;
}

void mirror_release(struct mirror *m)
{
	unpin_user_pages(m->pages, m->npages);
	m->npages = 0;
}

/* down_read() on mm->mmap_lock is the mmap lock; down_read() on the driver's own rwsem is not, so the _fast pin under it is fine. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/rwsem.h>

struct bufmgr {
	struct rw_semaphore sem;
	struct page *pages[16];
	int npages;
};

static int bufmgr_pin_locked_old_style(struct bufmgr *bm, unsigned long uaddr, int nr)
{
	long got;

	if (nr > 16)
		return -EINVAL;
	down_read(&current->mm->mmap_lock);
	got = get_user_pages(uaddr, nr, FOLL_WRITE, bm->pages, NULL);
	up_read(&current->mm->mmap_lock);
	if (got < 0)
		return got;
	bm->npages = got;
	return got == nr ? 0 : -EFAULT;
}

static int bufmgr_pin_fast(struct bufmgr *bm, unsigned long uaddr, int nr)
{
	int got;

	if (nr > 16)
		return -EINVAL;
	down_write(&bm->sem);
	got = pin_user_pages_fast(uaddr, nr, FOLL_WRITE, bm->pages);
	if (got > 0 && got != nr) {
		unpin_user_pages(bm->pages, got);
		got = -EFAULT;
	}
	if (got > 0)
		bm->npages = got;
	up_write(&bm->sem);
	return got < 0 ? got : 0;
}

static long bufmgr_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct bufmgr *bm = file->private_data;

	if (cmd == 1)
		return bufmgr_pin_locked_old_style(bm, arg, 4);
	return bufmgr_pin_fast(bm, arg, 4);
}

static const struct file_operations bufmgr_fops = {
	.unlocked_ioctl = bufmgr_ioctl,
};

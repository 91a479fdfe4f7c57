/* mmap_read_lock_killable() returns 0 when it got the lock; the inverted test runs pin_user_pages_remote() unlocked. */
#include <linux/mm.h>
#include <linux/sched/mm.h>

struct accel_job {
	struct mm_struct *mm;
	unsigned long uaddr;
	unsigned int npages;
	struct page **pages;
};

static int accel_job_pin(struct accel_job *job)
{
	long pinned;
	int locked = 1;

	if (!mmget_not_zero(job->mm))
		return -ESRCH;

	if (!mmap_read_lock_killable(job->mm)) {
		mmput(job->mm);
		return -EINTR;
	}
	pinned = pin_user_pages_remote(job->mm, job->uaddr, job->npages, /* expect-warning gup-locking-and-variant */
				       FOLL_WRITE | FOLL_LONGTERM, job->pages, NULL, &locked);
	if (locked)
		mmap_read_unlock(job->mm);
	mmput(job->mm);

	if (pinned < 0)
		return pinned;
	if (pinned != job->npages) {
		unpin_user_pages(job->pages, pinned);
		return -EFAULT;
	}
	return 0;
}

static long accel_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct accel_job *job = file->private_data;

	return accel_job_pin(job);
}

static const struct file_operations accel_fops = {
	.unlocked_ioctl = accel_ioctl,
};

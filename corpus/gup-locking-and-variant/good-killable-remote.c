/* A worker pins another process's buffer: mmap_read_lock_killable() tested the right way around, the lock dropped by the caller's protocol. */
#include <linux/mm.h>
#include <linux/sched/mm.h>

struct accel_job {
	struct mm_struct *mm;
	unsigned long uaddr;
	unsigned int npages;
	struct page **pages;
	struct completion prev_done;
};

static int accel_job_pin(struct accel_job *job)
{
	long pinned;
	int locked = 1;
	int ret;

	if (!mmget_not_zero(job->mm))
		return -ESRCH;

	ret = mmap_read_lock_killable(job->mm);
	if (ret) {
		mmput(job->mm);
		return ret;
	}
	pinned = pin_user_pages_remote(job->mm, job->uaddr, job->npages,
				       FOLL_WRITE | FOLL_LONGTERM, job->pages, NULL, &locked);
	if (locked)
		mmap_read_unlock(job->mm);
	mmput(job->mm);
	/* the previous job must finish before its pages can be reused */
	wait_for_completion(&job->prev_done);

	if (pinned < 0)
		return pinned;
	if (pinned != job->npages) {
		unpin_user_pages(job->pages, pinned);
		return -EFAULT;
	}
	return 0;
}

static void accel_job_work(struct work_struct *work)
{
	struct accel_job *job = container_of(work, struct accel_job, work);

	if (accel_job_pin(job))
		pr_warn("accel: cannot pin job buffer\n");
}

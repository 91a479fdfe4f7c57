/* A void helper maps the STM channel window with vm_iomap_memory() and cannot report its failure (drivers/hwtracing/stm shape). */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/io.h>

struct stp_master {
	phys_addr_t mmio_phys;
	unsigned int nr_chans;
	unsigned int chan_size;
	struct mutex lock;
};

struct stp_output {
	struct stp_master *m;
	unsigned int channel;
	unsigned int nr_chans;
};

static void stp_map_channels(struct stp_output *out, struct vm_area_struct *vma)
{
	struct stp_master *m = out->m;
	phys_addr_t phys = m->mmio_phys + (phys_addr_t)out->channel * m->chan_size;
	unsigned long size = (unsigned long)out->nr_chans * m->chan_size;

	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	vm_iomap_memory(vma, phys, size); /* expect-warning mmap-retval-ignored */
}

static int stp_char_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct stp_output *out = file->private_data;

	if (!out->nr_chans || vma->vm_pgoff)
		return -EINVAL;
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;

	mutex_lock(&out->m->lock);
	stp_map_channels(out, vma);
	mutex_unlock(&out->m->lock);
	return 0;
}

static const struct file_operations stp_fops = {
	.owner = THIS_MODULE,
	.mmap = stp_char_mmap,
};

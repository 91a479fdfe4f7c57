/* dmac-cpuaddr-treated-as-linear (good): a conversion of a struct field allocated elsewhere has unknown provenance and is not flagged; the sibling handler uses dma_mmap_coherent(). */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/dma-mapping.h>

struct tlm_dev {
	struct device *dev;
	void *ring;		/* dma_alloc_coherent() in probe */
	dma_addr_t ring_dma;
	size_t ring_size;
	void *stats;		/* get_zeroed_page() in probe */
};

static int tlm_ring_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct tlm_dev *td = file->private_data;

	if (vma->vm_pgoff || vma->vm_end - vma->vm_start > td->ring_size)
		return -EINVAL;
	return dma_mmap_coherent(td->dev, vma, td->ring, td->ring_dma,
				 vma->vm_end - vma->vm_start);
}

static int tlm_stats_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct tlm_dev *td = file->private_data;

	if (vma->vm_pgoff || vma->vm_end - vma->vm_start != PAGE_SIZE)
		return -EINVAL;
	vm_flags_set(vma, VM_DONTEXPAND | VM_DONTDUMP);
	return vm_insert_page(vma, vma->vm_start, virt_to_page(td->stats));
}

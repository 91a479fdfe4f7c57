/* fault-range-unchecked: a GEM object's fault handler indexes its pages by (address - vm_start); drm_gem_mmap_obj() has already checked the VMA against the object size and set VM_DONTEXPAND. */
#include <drm/drm_gem.h>
#include <linux/mm.h>

struct gbo {
	struct drm_gem_object base;
	struct page **pages;
	struct mutex lock;
};

#define to_gbo(o) container_of(o, struct gbo, base)

static vm_fault_t gbo_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct drm_gem_object *obj = vma->vm_private_data;
	struct gbo *bo = to_gbo(obj);
	unsigned long pfn;
	pgoff_t pgoff;
	vm_fault_t ret;

	if (!mutex_trylock(&bo->lock))
		return VM_FAULT_NOPAGE;
	if (!bo->pages) {
		mutex_unlock(&bo->lock);
		return VM_FAULT_SIGBUS;
	}

	/* We don't use vmf->pgoff since that has the fake offset: */
	pgoff = (vmf->address - vma->vm_start) >> PAGE_SHIFT;
	pfn = page_to_pfn(bo->pages[pgoff]);
	ret = vmf_insert_pfn(vma, vmf->address, pfn);
	mutex_unlock(&bo->lock);
	return ret;
}

static const struct vm_operations_struct gbo_vm_ops = {
	.fault = gbo_fault,
	.open = drm_gem_vm_open,
	.close = drm_gem_vm_close,
};

static void gbo_free(struct drm_gem_object *obj);

static const struct drm_gem_object_funcs gbo_object_funcs = {
	.free = gbo_free,
	.vm_ops = &gbo_vm_ops,
};

/* mmap-range-unchecked (good): a drm_gem_object_funcs.mmap hook passes the VMA size to dma_mmap_wc(); drm_gem_mmap_obj() has already refused VMAs larger than the object before calling the hook. */
#include <drm/drm_gem.h>
#include <linux/dma-mapping.h>
#include <linux/mm.h>

struct blit_bo {
	struct drm_gem_object base;
	void *vaddr;
	dma_addr_t dma_addr;
};

#define to_blit_bo(obj) container_of(obj, struct blit_bo, base)

static int blit_gem_mmap(struct drm_gem_object *obj, struct vm_area_struct *vma)
{
	struct blit_bo *bo = to_blit_bo(obj);
	int ret;

	vma->vm_pgoff -= drm_vma_node_start(&obj->vma_node);
	ret = dma_mmap_wc(obj->dev->dev, vma, bo->vaddr, bo->dma_addr,
			  vma->vm_end - vma->vm_start);
	if (ret)
		drm_gem_vm_close(vma);
	return ret;
}

static const struct drm_gem_object_funcs blit_gem_funcs = {
	.mmap = blit_gem_mmap,
	.vm_ops = &drm_gem_dma_vm_ops,
};

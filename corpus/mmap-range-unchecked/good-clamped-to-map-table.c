/* mmap-range-unchecked (good): an sbus-style helper walks the VMA page by page but maps only the pieces it finds in the card's map table, each clamped to the table entry and to the rest of the VMA. */
#include <linux/fb.h>
#include <linux/mm.h>

struct card_mmap_map {
	unsigned long voff;
	unsigned long poff;
	unsigned long size;
};

static int card_mmap_helper(struct card_mmap_map *map, unsigned long physbase,
			    struct vm_area_struct *vma)
{
	unsigned int size, page, map_size;
	unsigned long map_offset = 0;
	unsigned long off;
	int i;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff > (~0UL >> PAGE_SHIFT))
		return -EINVAL;

	size = vma->vm_end - vma->vm_start;
	off = vma->vm_pgoff << PAGE_SHIFT;
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);

	for (page = 0; page < size;) {
		map_size = 0;
		for (i = 0; map[i].size; i++)
			if (map[i].voff == off + page) {
				map_size = map[i].size;
				map_offset = physbase + map[i].poff;
				break;
			}
		if (!map_size) {
			page += PAGE_SIZE;
			continue;
		}
		if (page + map_size > size)
			map_size = size - page;
		if (io_remap_pfn_range(vma, vma->vm_start + page, map_offset >> PAGE_SHIFT,
				       map_size, vma->vm_page_prot))
			return -EAGAIN;
		page += map_size;
	}
	return 0;
}

/* mmap-kernel-ram-wrong-method: a capture driver maps its vmalloc_32() frame buffer page by page with remap_pfn_range(__pa(pos) >> PAGE_SHIFT). */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/cdev.h>

#define CAM_FRAMES		4
#define CAM_FRAME_SIZE		(640 * 480 * 2)

struct cam_dev {
	struct pci_dev *pdev;
	struct cdev cdev;
	struct mutex lock;
	unsigned char *frames;
	unsigned long frames_size;
	int users;
};

static int cam_open(struct inode *inode, struct file *file)
{
	struct cam_dev *cam = container_of(inode->i_cdev, struct cam_dev, cdev);
	int ret = 0;

	mutex_lock(&cam->lock);
	if (cam->users++ == 0) {
		cam->frames_size = PAGE_ALIGN(CAM_FRAMES * CAM_FRAME_SIZE);
		cam->frames = vmalloc_32(cam->frames_size);
		if (!cam->frames) {
			cam->users--;
			ret = -ENOMEM;
		} else {
			memset(cam->frames, 0, cam->frames_size);
		}
	}
	mutex_unlock(&cam->lock);
	file->private_data = cam;
	return ret;
}

static int cam_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct cam_dev *cam = file->private_data;
	unsigned long start = vma->vm_start;
	unsigned long size = vma->vm_end - vma->vm_start;
	unsigned long pos;
	int ret;

	if (vma->vm_pgoff || size > cam->frames_size)
		return -EINVAL;

	mutex_lock(&cam->lock);
	pos = (unsigned long)cam->frames;
	while (size > 0) {
		ret = remap_pfn_range(vma, start, __pa(pos) >> PAGE_SHIFT, /* expect-warning mmap-kernel-ram-wrong-method */
				      PAGE_SIZE, PAGE_SHARED);
		if (ret) {
			mutex_unlock(&cam->lock);
			return ret;
		}
		start += PAGE_SIZE;
		pos += PAGE_SIZE;
		size = size > PAGE_SIZE ? size - PAGE_SIZE : 0;
	}
	mutex_unlock(&cam->lock);
	return 0;
}

static const struct file_operations cam_fops = {
	.owner = THIS_MODULE,
	.open = cam_open,
	.mmap = cam_mmap,
};

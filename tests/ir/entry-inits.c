/* Designated initializers at file scope name the entry points (rules/kernel/entry-points.rules). */
static int foo_probe(struct pci_dev *pdev, const struct pci_device_id *id) { return 0; }
static void foo_remove(struct pci_dev *pdev) { }
static int foo_mmap(struct file *f, struct vm_area_struct *vma) { return 0; }
static vm_fault_t foo_fault(struct vm_fault *vmf) { return 0; }

static const struct vm_operations_struct foo_vm_ops = {
	.fault = foo_fault,
};

static const struct file_operations foo_fops = {
	.owner = THIS_MODULE,
	.mmap = foo_mmap,
};

static struct pci_driver foo_driver = {
	.name = "foo",
	.probe = foo_probe,
	.remove = &foo_remove,
	.driver = { .pm = &foo_pm },
};

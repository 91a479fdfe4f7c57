/* addr-iomem-as-kernel-pointer: a PCI probe copies the board-info block from BAR 2 and posts a host command with memcpy() on the pci_iomap() cookie. */
#include <linux/pci.h>
#include <linux/io.h>

#define BRD_INFO_BAR		2
#define BRD_INFO_MAGIC		0x42524431

struct brd_info {
	__le32 magic;
	__le32 version;
	u8 serial[16];
	__le32 nports;
};

struct brd_host_cmd {
	__le32 opcode;
	__le32 arg;
};

struct brd_dev {
	struct pci_dev *pdev;
	struct brd_info info;
};

static int brd_read_info(struct brd_dev *bd)
{
	struct pci_dev *pdev = bd->pdev;
	struct brd_host_cmd cmd = { .opcode = cpu_to_le32(1) };
	void __iomem *win;

	win = pci_iomap(pdev, BRD_INFO_BAR, 0);
	if (!win)
		return -ENOMEM;

	memcpy(&bd->info, win, sizeof(bd->info));	/* expect-warning addr-iomem-as-kernel-pointer */
	if (le32_to_cpu(bd->info.magic) != BRD_INFO_MAGIC) {
		pci_iounmap(pdev, win);
		return -ENODEV;
	}

	memcpy(win, &cmd, sizeof(cmd));			/* expect-warning addr-iomem-as-kernel-pointer */
	pci_iounmap(pdev, win);
	return 0;
}

/* addr-iomem-as-kernel-pointer: ethtool get_drvinfo copies the firmware version string straight out of the BAR with strncpy(), and the signature check uses memcmp() on MMIO. */
#include <linux/ethtool.h>
#include <linux/netdevice.h>
#include <linux/pci.h>
#include <linux/io.h>

#define NIC_FW_SIG_OFF		0x1000
#define NIC_FW_VER_OFF		0x1010

struct nic_priv {
	struct pci_dev *pdev;
	void __iomem *bar0;
};

static void nic_get_drvinfo(struct net_device *ndev, struct ethtool_drvinfo *info)
{
	struct nic_priv *np = netdev_priv(ndev);
	const char __iomem *ver = np->bar0 + NIC_FW_VER_OFF;
	const u8 __iomem *sig = np->bar0 + NIC_FW_SIG_OFF;

	strscpy(info->driver, KBUILD_MODNAME, sizeof(info->driver));
	strscpy(info->bus_info, pci_name(np->pdev), sizeof(info->bus_info));

	if (memcmp(sig, "NFW1", 4) != 0)			/* expect-warning addr-iomem-as-kernel-pointer */
		return;

	strncpy(info->fw_version, ver, sizeof(info->fw_version) - 1); /* expect-warning addr-iomem-as-kernel-pointer */
	info->fw_version[sizeof(info->fw_version) - 1] = '\0';
}

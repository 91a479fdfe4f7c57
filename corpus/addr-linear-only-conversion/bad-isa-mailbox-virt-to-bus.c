/* addr-linear-only-conversion: an ISA-era host adapter gets virt_to_bus() of a global mailbox object in module data. */
#include <linux/io.h>
#include <linux/delay.h>

#define AHA_CMD_MBOX_INIT	0x01
#define AHA_PORT_DATA(base)	((base) + 1)
#define AHA_MBOXES		8

struct aha_mailbox {
	u8 status;
	u8 ccbptr[3];
};

struct aha_mbox_area {
	struct aha_mailbox out[AHA_MBOXES];
	struct aha_mailbox in[AHA_MBOXES];
};

struct aha_mbox_area aha_mb;

static void aha_out(unsigned long base, u8 val)
{
	outb(val, AHA_PORT_DATA(base));
	udelay(10);
}

static void aha_init_mailboxes(unsigned long base)
{
	unsigned long bus;

	memset(&aha_mb, 0, sizeof(aha_mb));
	bus = virt_to_bus(&aha_mb); /* expect-warning addr-linear-only-conversion */

	aha_out(base, AHA_CMD_MBOX_INIT);
	aha_out(base, AHA_MBOXES);
	aha_out(base, (bus >> 16) & 0xff);
	aha_out(base, (bus >> 8) & 0xff);
	aha_out(base, bus & 0xff);
}

/*
 * model.h - API knowledge loaded from rules/ (immutable after loading).
 *
 * The C code knows *roles* ("stream.map", "mem.write", ...) and argument
 * *slots* (buf, size, dir, ...); which kernel functions play which role, and
 * where their arguments are, is data in rules/models/ (.rules files). Kernel
 * annotations and iterator macros are data in rules/kernel/ (.rules files), and the
 * rule table is rules/checks/ (.rules files). The format is documented in
 * rules/README.md; every file is read by model_load() through one reader.
 */
#ifndef DMC_MODEL_H
#define DMC_MODEL_H

#include <stdio.h>
#include "../base/arena.h"
#include "../base/strtab.h"
#include "../dmacheck.h"

/* X-macro: role name in rules data -> enum */
#define MODEL_ROLES(X)                     \
	X(STREAM_MAP, "stream.map")        \
	X(STREAM_UNMAP, "stream.unmap")    \
	X(STREAM_SYNC, "stream.sync")      \
	X(STREAM_CHECK, "stream.check")    \
	X(MEM_READ, "mem.read")            \
	X(MEM_WRITE, "mem.write")          \
	X(MEM_FREE, "mem.free")            \
	X(ALLOC, "alloc")                  \
	X(MMIO_WRITE, "mmio.write")        \
	X(MMIO_READ, "mmio.read")          \
	X(TRANSPARENT, "value.transparent") \
	X(COND_WRAPPER, "cond.wrapper")    \
	X(PURE, "pure")                    \
	X(FIELD_GET, "field.get")          \
	X(FIELD_SET, "field.set")          \
	X(SG_DMA_FIELD, "sg.dma-field")    \
	X(SG_ITER, "sg.iter")              \
	X(DMA_BUFFER, "dma.buffer")        \
	X(SPACE_TEST, "space.test")        \
	X(COHERENT_ALLOC, "coherent.alloc") \
	X(COHERENT_FREE, "coherent.free")  \
	X(LINEAR_CONVERT, "linear.convert") \
	X(PAGE_ADDRESS, "page.address")    \
	X(UNEVALUATED, "macro.unevaluated") \
	X(VALUE_SPACE, "value.space")      \
	X(ADDR_RAM_ONLY, "addr.ram-only")  \
	X(ADDR_PHYS, "addr.phys")          \
	X(DMA_DEVICE_ADDR, "dma.device-addr") \
	X(PAGE_GET, "page.get")            \
	X(PAGE_REF_LOOKUP, "page.ref-lookup") \
	X(PAGE_LOOKUP, "page.lookup")      \
	X(FAULT_INSERT, "fault.insert")    \
	X(VALUE_BOUND, "value.bound")      \
	X(PAGES_ALLOC, "pages.alloc")      \
	X(SLAB_ALLOC, "slab.alloc")        \
	X(MMAP_INSTALL, "mmap.install")   \
	X(FAULT_INSTALL, "fault.install") \
	X(MMAP_OBJECT, "mmap.object")     \
	X(GUP_PIN, "gup.pin")              \
	X(GUP_RELEASE, "gup.release")      \
	X(GUP_DIRTY, "gup.dirty")          \
	X(GUP_PAGES_USE, "gup.pages-use")  \
	X(MMAP_LOCK, "mmap.lock")          \
	X(MMAP_UNLOCK, "mmap.unlock")      \
	X(MMAP_ASSERT, "mmap.assert")      \
	X(MMAP_NEEDS_LOCK, "mmap.needs-lock") \
	X(MMAP_TAKES_LOCK, "mmap.takes-lock") \
	X(TASK_WAIT, "task.wait")          \
	X(USER_PTR, "user.ptr")            \
	X(MASK_SET, "mask.set")            \
	X(MASK_BITS, "mask.bits")          \
	X(MASK_USE, "mask.use")            \
	X(MMAP_EXPORT, "mmap.export")      \
	X(MMIO_PHYS, "mmio.phys")          \
	X(MMIO_RESOURCE, "mmio.resource")  \
	X(MMIO_CLAIM, "mmio.claim")        \
	X(PFN_CONVERT, "pfn.convert")      \
	X(PGPROT_UNCACHED, "pgprot.uncached") \
	X(VMA_FLAGS_SET, "vma.flags-set")  \
	X(VMA_FLAGS_CLEAR, "vma.flags-clear") \
	X(MMAP_RAM_PFN, "mmap.ram-pfn")    \
	X(MMAP_RAM_PAGE, "mmap.ram-page")  \
	X(MMAP_RAM_VMALLOC, "mmap.ram-vmalloc") \
	X(MMAP_RAM_COHERENT, "mmap.ram-coherent") \
	X(ADDR_DERIVE, "addr.derive")      \
	X(ALLOC_CLASS, "alloc.class")      \
	X(KMAP_MAP, "kmap.map")            \
	X(KMAP_UNMAP, "kmap.unmap")        \
	X(CTX_SLEEP, "ctx.sleep")          \
	X(CTX_ATOMIC_ENTER, "ctx.atomic-enter") \
	X(CTX_ATOMIC_EXIT, "ctx.atomic-exit") \
	X(LOCK_ACQUIRE, "lock.acquire")    \
	X(LOCK_RELEASE, "lock.release")    \
	X(LOCK_TRY, "lock.try")            \
	X(IRQ_REQUEST, "irq.request")      \
	X(ATOMIC_CALLBACK, "atomic.callback") \
	X(TEARDOWN_CALLBACK, "teardown.callback") \
	X(CONTEXT_TEST, "context.test")    \
	X(ALLOC_GFP, "alloc.gfp")          \
	X(POOL_CREATE, "pool.create")      \
	X(POOL_DESTROY, "pool.destroy")    \
	/* add new roles above this line, one per line */

enum model_role {
	ROLE_NONE,
#define X(e, s) ROLE_##e,
	MODEL_ROLES(X)
#undef X
	ROLE__COUNT
};

/*
 * The first group are CPU-addressable buffers (where a pointer points); the
 * second are addresses and handles that are not CPU pointers. Names (the
 * second column) are what rules data writes as space=NAME and what
 * --dump-facts prints.
 */
#define SPACE_KINDS(X)                                                        \
	X(UNKNOWN, "unknown")                                                 \
	X(STACK, "stack")           /* a local array or &local */             \
	X(MODULE, "module")         /* static or file-scope data */           \
	X(KVMAP, "kvmap")           /* vmalloc/vmap space */                  \
	X(KVMAP_MAYBE, "kvmap-maybe") /* kvmalloc: linear or vmalloc */       \
	X(IOMEM, "iomem")           /* an __iomem cookie */                   \
	X(KMAP, "kmap")             /* a temporary kmap address */            \
	X(COHERENT, "coherent")     /* CPU address of coherent DMA memory */  \
	X(KLIN, "klin")             /* the kernel's linear map (kmalloc) */   \
	X(USER, "user")             /* a user virtual address */              \
	X(PHYS, "phys")             /* a CPU physical address of RAM */       \
	X(PHYS_IO, "phys-io")       /* a physical address of device memory (a resource, a BAR) */ \
	X(PFN, "pfn")               /* a page frame number of RAM */          \
	X(PFN_IO, "pfn-io")         /* a page frame number of device memory */ \
	X(PAGE, "page")             /* a struct page * */                     \
	X(DMA, "dma")               /* a device-visible address (dma_addr_t) */ \
	X(VMOFF, "vmoff")           /* a user-chosen page offset (vm_pgoff) */

/* kinds of streaming mapping; single and page are one family */
#define MODEL_KINDS(X) X(SINGLE, "single") X(PAGE, "page") X(SG, "sg") X(SGTABLE, "sgtable") X(FILL, "fill")
enum model_kind {
	KIND_NONE,
#define X(e, s) KIND_##e,
	MODEL_KINDS(X)
#undef X
};

/* what the return value of a mapping call is, and how failure is told */
enum model_ret { RET_NONE, RET_HANDLE, RET_COUNT, RET_ERRNO, RET_PTR };
enum model_sync_to { SYNC_NONE, SYNC_CPU, SYNC_DEVICE };

/* argument slots; -1 = absent */
#define MODEL_SLOTS(X) X(dev) X(buf) X(size) X(dir) X(handle) X(nents) X(off) X(val) X(addr) X(obj) X(field) X(count) X(sgl) X(gfp) X(vma) X(pfn) X(phys) X(limit) X(pages) X(flags) X(mask) X(prot) X(callback)
struct model_slots {
#define X(s) int s;
	MODEL_SLOTS(X)
#undef X
};

struct model_fn {
	const char *name;          /* interned in the session's table */
	enum model_role role;
	enum model_kind kind;
	enum model_ret ret;
	enum model_sync_to to;
	struct model_slots slot;
	const char *unchecked_rule; /* rule reported when the result is never tested */
	const char *dir_text;      /* direction fixed inside a same-file wrapper (summary), or NULL */
	int prechecked;            /* summary: the wrapper already tested dma_mapping_error() */
	const char *fail_text;     /* summary: what a prechecked wrapper returns on failure (0, DMA_MAPPING_ERROR) */
	int derived;               /* summary of a same-file function, not rules data */
	const char *space;         /* alloc: the address space of what it returns (klin, kvmap, iomem, ...) */
	const char *family;        /* coherent.alloc/free: which allocator family they belong to */
	const char *src_file;
	int src_line;
	const struct model_fn *next; /* another role of the same function */
};

enum dir_class { DIR_UNKNOWN, DIR_BIDIRECTIONAL, DIR_TO_DEVICE, DIR_FROM_DEVICE, DIR_INVALID };

struct model_dir {
	const char *name;
	enum dir_class cls;
	const char *why;           /* for invalid ones */
};

struct model_annot {
	const char *name;
	int takes_args;            /* __aligned(8): the parenthesised args are masked too */
	const char *space;         /* address space it declares, or NULL */
};

struct model_iter {
	const char *pattern;       /* a name, or a glob with '*' */
	const struct model_fn *fn; /* optional role (e.g. sg.iter with sgl/count slots) */
};

struct model_rule {
	struct dmc_rule_info info;
};

struct model {
	struct arena arena;
	struct strtab names;       /* interned names; value = struct model_fn* / dir / annot */
	struct strtab dirs;
	struct strtab annots;
	struct strtab words;       /* word NAME class=CLASS: names with a meaning (sg_table fields, return codes) */
	struct strtab entries;     /* entry STRUCT.FIELD kind=KIND: "file_operations.mmap" -> "mmap" */
	struct model_iter *iters;
	size_t niters;
	struct model_rule *rules;
	size_t nrules;
	const char *rules_dir;
};

/**
 * Load every *.rules file under rules_dir (sorted, recursive). On error
 * prints "file:line:col: error: ..." lines to err and returns -1.
 */
int model_load(struct model *m, const char *rules_dir, FILE *err);
void model_release(struct model *m);

/** Roles of a function name, or NULL when unmodelled. */
const struct model_fn *model_fn_find(const struct model *m, const char *name, size_t len);
const struct model_fn *model_fn_role(const struct model_fn *f, enum model_role role);
const struct model_dir *model_dir_find(const struct model *m, const char *name, size_t len);
const struct model_annot *model_annot_find(const struct model *m, const char *name, size_t len);
/** The iterator macro matching name, or NULL. */
const struct model_iter *model_iter_find(const struct model *m, const char *name, size_t len);
const struct model_rule *model_rule_find(const struct model *m, const char *id);
/** The entry kind of a designated initializer field ("file_operations", "mmap" -> "mmap"), or NULL. */
const char *model_entry_kind(const struct model *m, const char *stype, const char *field);
/** The class of a word from `word NAME class=CLASS`, or NULL. */
const char *model_word_class(const struct model *m, const char *name, size_t len);

#endif

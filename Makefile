# bootnet: network-boot firmware. `make` builds bin/, `make test` runs every
# test, `make demo` boots the firmware in QEMU. See README.md.

.DEFAULT_GOAL := all
.PHONY: all efi media clean test unit-test e2e-test fuzz fuzz-build demo bench deps FORCE

CC      ?= gcc
LD      := ld
OBJCOPY := objcopy
AR      := ar
BUILD   := build
BIN     := bin
DEPS    := deps

LWIP    := $(DEPS)/lwip
MBEDTLS := $(DEPS)/mbedtls
EFIINC  := /usr/include/efi
DEP_STAMPS := $(LWIP)/.unpacked $(MBEDTLS)/.unpacked $(EFIINC)/efi.h \
	/usr/sbin/sgdisk /usr/bin/xorriso

# Anything missing (Debian packages, the lwIP and mbedTLS sources) is
# installed or fetched by tools/fetch-deps before the rules below are read,
# since they list the sources fetched; when all is there it is not run.
ifneq ($(filter-out $(wildcard $(DEP_STAMPS)),$(DEP_STAMPS)),)
ifeq ($(filter clean,$(MAKECMDGOALS)),)
$(info tools/fetch-deps --build-only)
FETCH_OUTPUT := $(shell tools/fetch-deps --build-only >&2)
ifneq ($(.SHELLSTATUS),0)
$(error tools/fetch-deps failed; see the messages above)
endif
endif
endif
deps:
	tools/fetch-deps

# `make V=1` shows each command; otherwise one short line per step.
ifeq ($(V),1)
Q :=
say = @true
else
Q := @
say = @echo "  $(1)"
endif

# ---------------------------------------------------------------- sources
# Files only the rom64 BIOS core builds (bios/rom64.mk): stand-ins for what
# it leaves out (*_absent.c) and its own tables (*_rom64.c).
ROM64_ONLY := %_absent.c %_rom64.c
ALL_CORE_SRCS := $(wildcard firmware/*.c) $(wildcard drivers/bus/*.c) $(wildcard drivers/net/*.c) \
	$(wildcard net/*.c)
CORE_SRCS := $(filter-out $(ROM64_ONLY),$(ALL_CORE_SRCS))
LIBC_SRCS := $(filter-out $(ROM64_ONLY),$(wildcard firmware/libc/*.c))
# efi_driver_entry.c is the option ROM driver's entry (tools/media.mk).
EFI_SRCS  := $(filter-out efi/efi_driver_entry.c,$(wildcard efi/*.c))

LWIP_SRCS := $(addprefix $(LWIP)/src/core/, init.c def.c inet_chksum.c ip.c mem.c memp.c \
	netif.c pbuf.c raw.c stats.c sys.c altcp.c altcp_alloc.c altcp_tcp.c tcp.c tcp_in.c \
	tcp_out.c timeouts.c udp.c) \
	$(addprefix $(LWIP)/src/core/ipv4/, etharp.c icmp.c ip4.c ip4_addr.c ip4_frag.c) \
	$(LWIP)/src/netif/ethernet.c
# All of mbedTLS's library; mbedtls_config.h decides what each file holds.
MBEDTLS_SRCS = $(wildcard $(MBEDTLS)/library/*.c)

# ---------------------------------------------------------------- flags
GIT_VERSION := $(shell git describe --always --dirty 2>/dev/null || echo unknown)
GCC_INCLUDE := $(shell $(CC) -print-file-name=include)

FREESTANDING := -std=gnu11 -Os -ffreestanding -fno-stack-protector -fno-strict-aliasing \
	-fshort-wchar -fno-builtin -ffunction-sections \
	-nostdinc -isystem $(GCC_INCLUDE) -Ifirmware/libc/include
PORT_INCLUDES := -Inet -Inet/lwip -I$(LWIP)/src/include -I$(MBEDTLS)/include \
	-DMBEDTLS_CONFIG_FILE='"mbedtls_config.h"'
WARN := -Wall -Wextra -Werror

CFLAGS_x86_64 := -m64 -mno-red-zone -fpic -DGNU_EFI_USE_MS_ABI
CFLAGS_i386   := -m32 -march=i686 -fpic
# `make NETPATH=native BIN=dir BUILD=dir/build`: a build that tries the
# network paths of each NIC in this order (a comma-separated list of snp,
# native, nii; default snp,native,nii). NETPATH=nii drives NICs through NII
# (UNDI) even where the firmware also offers SNP.
ifneq ($(NETPATH),)
CFLAGS_x86_64 += -DBOOTNET_NETPATH='"$(NETPATH)"'
CFLAGS_i386   += -DBOOTNET_NETPATH='"$(NETPATH)"'
endif
LDEMU_x86_64  := elf_x86_64
LDEMU_i386    := elf_i386
EFITARGET_x86_64 := efi-app-x86_64
EFITARGET_i386   := efi-app-ia32
EFIARCH_x86_64 := x86_64
EFIARCH_i386   := ia32
EFILIB_x86_64  := /usr/lib
EFILIB_i386    := /usr/lib32

# ---------------------------------------------------------------- EFI builds
# efi_build ARCH: objects under build/ARCH/, bin/bootnet-ARCH.efi and its map.
define efi_build
$(1)_OBJ := $(BUILD)/$(1)
$(1)_CFLAGS := $$(FREESTANDING) $$(CFLAGS_$(1)) $$(PORT_INCLUDES) \
	-I$(EFIINC) -I$(EFIINC)/$$(EFIARCH_$(1)) -I$(EFIINC)/protocol -I$(BUILD)

$(1)_OWN_OBJS := $$(patsubst %.c,$$($(1)_OBJ)/%.o,$$(CORE_SRCS) $$(LIBC_SRCS) $$(EFI_SRCS))
$(1)_LWIP_OBJS = $$(patsubst $(DEPS)/%.c,$$($(1)_OBJ)/deps/%.o,$$(LWIP_SRCS))
$(1)_MBEDTLS_OBJS = $$(patsubst $(DEPS)/%.c,$$($(1)_OBJ)/deps/%.o,$$(MBEDTLS_SRCS))

$$($(1)_OBJ)/%.o: %.c
	@mkdir -p $$(@D)
	$$(call say,CC $(1) $$<)
	$$(Q)$$(CC) $$($(1)_CFLAGS) $$(WARN) -MMD -MP -c $$< -o $$@

# Our libc must not have its own loops turned into calls to itself.
$$($(1)_OBJ)/firmware/libc/%.o: firmware/libc/%.c
	@mkdir -p $$(@D)
	$$(call say,CC $(1) $$<)
	$$(Q)$$(CC) $$($(1)_CFLAGS) $$(WARN) -fno-tree-loop-distribute-patterns -MMD -MP -c $$< -o $$@

# lwIP and mbedTLS are not our code: built without -Werror, quietly.
$$($(1)_OBJ)/deps/%.o: $(DEPS)/%.c
	@mkdir -p $$(@D)
	@$$(CC) $$($(1)_CFLAGS) -w -MMD -MP -c $$< -o $$@

$$($(1)_OBJ)/liblwip.a: $$($(1)_LWIP_OBJS)
	@rm -f $$@; $$(AR) rcs $$@ $$^
$$($(1)_OBJ)/libmbedtls.a: $$($(1)_MBEDTLS_OBJS)
	@rm -f $$@; $$(AR) rcs $$@ $$^

$$($(1)_OBJ)/firmware/main.o: $(BUILD)/bootnet_version.h

$$($(1)_OBJ)/bootnet.so: $$($(1)_OWN_OBJS) $$($(1)_OBJ)/liblwip.a $$($(1)_OBJ)/libmbedtls.a
	@mkdir -p $(BIN)
	$$(call say,LD $(1) $$@)
	$$(Q)$$(LD) -m $$(LDEMU_$(1)) -nostdlib -znocombreloc -shared -Bsymbolic --no-undefined \
		-T $$(EFILIB_$(1))/elf_$$(EFIARCH_$(1))_efi.lds \
		-Map=$(BIN)/bootnet-$(1).map -o $$@ \
		$$(EFILIB_$(1))/crt0-efi-$$(EFIARCH_$(1)).o $$($(1)_OWN_OBJS) \
		$$($(1)_OBJ)/liblwip.a $$($(1)_OBJ)/libmbedtls.a \
		$$(EFILIB_$(1))/libgnuefi.a $$(shell $$(CC) $$(CFLAGS_$(1)) -print-libgcc-file-name)
	$$(Q)tools/check-efi-sections $$@

$(BIN)/bootnet-$(1).efi: $$($(1)_OBJ)/bootnet.so
	$$(call say,EFI $$@)
	$$(Q)$$(OBJCOPY) -j .text -j .sdata -j .data -j .dynamic -j .dynsym -j .rel -j .rela \
		-j '.rel.*' -j '.rela.*' -j .reloc --target $$(EFITARGET_$(1)) --subsystem=10 $$< $$@

-include $$(shell find $$($(1)_OBJ) -name '*.d' 2>/dev/null)
endef

$(eval $(call efi_build,x86_64))
$(eval $(call efi_build,i386))

# The version string changes with every commit; only main.c depends on it.
$(BUILD)/bootnet_version.h: FORCE
	@mkdir -p $(BUILD)
	@echo '#define BOOTNET_VERSION "$(GIT_VERSION)"' > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@

# `make EMBED=scripts/foo.ipxe` builds a script in (it runs instead of
# autoboot): its bytes and name go to embedded_script.h, which
# firmware/embedded.c includes. Rewritten only when it changes (another
# EMBED, the script edited, EMBED dropped), so only then do the builds relink.
ifneq ($(EMBED),)
ifeq ($(wildcard $(EMBED)),)
$(error EMBED=$(EMBED): no such file)
endif
endif
$(BUILD)/embedded_script.h: FORCE
	@mkdir -p $(BUILD)
	@{ echo '/* Generated by the Makefile: EMBED=$(EMBED) */'; \
	if [ -n '$(EMBED)' ]; then \
		echo '#define EMBEDDED_SCRIPT_NAME "$(notdir $(EMBED))"'; \
		echo 'static const unsigned char embedded_script_bytes[] = {'; \
		od -An -v -tx1 '$(EMBED)' | sed 's/ \([0-9a-f][0-9a-f]\)/0x\1,/g'; \
		echo '};'; \
	fi; } > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || { mv $@.tmp $@; echo "  EMBED $(or $(EMBED),(none))"; }
$(x86_64_OBJ)/firmware/embedded.o $(i386_OBJ)/firmware/embedded.o: $(BUILD)/embedded_script.h

# `make TRUST=path/to/ca.pem`: the CAs HTTPS trusts, built in as DER by
# tools/trust-anchors (default: Debian's ca-certificates bundle). Rebuilt
# when the file or the path given changes.
TRUST ?= /etc/ssl/certs/ca-certificates.crt
ifeq ($(wildcard $(TRUST)),)
ifeq ($(filter clean,$(MAKECMDGOALS)),)
$(error TRUST=$(TRUST): no such file (Debian's bundle comes with the ca-certificates package; tools/fetch-deps installs it))
endif
endif
$(BUILD)/trust_path: FORCE
	@mkdir -p $(BUILD)
	@echo '$(abspath $(TRUST))' > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@
$(BUILD)/trust_anchors.h: $(BUILD)/trust_path $(TRUST)
	$(call say,TRUST $(TRUST))
	$(Q)tools/trust-anchors $(TRUST) $@
$(x86_64_OBJ)/net/tls_trust.o $(i386_OBJ)/net/tls_trust.o: $(BUILD)/trust_anchors.h

efi: $(BIN)/bootnet-x86_64.efi $(BIN)/bootnet-i386.efi
all: efi
include tools/media.mk

# ---------------------------------------------------------------- tests
include tests/unit/unit.mk
include tests/fuzz/fuzz.mk

test: all $(UNIT_BIN) $(UNPACK_CHECK_BIN)
	tools/fetch-deps
	tests/run-all

e2e-test: all
	tools/fetch-deps
	tests/e2e/run

bench: all
	tools/fetch-deps
	tests/bench/run
	tests/bench/nics

demo: all
	tools/fetch-deps
	tools/demo

clean:
	rm -rf $(BUILD) $(BIN)

# ---------------------------------------------------------------- BIOS build
# bin/bootnet.kpxe: a PXE NBP (bios/README.md). The core and bios/ are
# built for i386 as a position-independent executable linked at 0
# (bios/bootnet.lds); bios/builds.mk packs it and puts the 16-bit prefix
# (bios/prefix.S) in front of it.
BIOS_OBJ    := $(BUILD)/bios
BIOS_SRCS   := $(filter-out $(ROM64_ONLY),$(wildcard bios/*.c))
BIOS_CFLAGS := $(filter-out -fshort-wchar,$(FREESTANDING)) -m32 -march=i686 -fpie \
	-fno-asynchronous-unwind-tables $(PORT_INCLUDES) -I$(BUILD)
# Assembly linked into the 32-bit core (bios_*.S: real-mode code it copies
# into base memory); the prefixes and the USB boot code are linked on their own.
BIOS_ASMS   := $(wildcard bios/bios_*.S)

# How the core is linked: at 0, position-independent, only R_386_RELATIVE
# relocations (tools/check-bios-relocs), unused sections dropped.
BIOS_LDFLAGS := -pie --no-dynamic-linker -z notext -Bsymbolic --gc-sections --no-warn-rwx-segments \
	--no-undefined -T bios/bootnet.lds
comma := ,

# bios_core NAME,OBJDIR,SOURCES,CFLAGS,LWIP_SRCS,MBEDTLS_SRCS,MAP[,lto]: one
# build of the 32-bit core, OBJDIR/core.elf, from SOURCES (.c and .S) and
# the lwIP and mbedTLS files given, with CFLAGS added to BIOS_CFLAGS (pass
# $$(VAR) to let target-specific values of VAR reach single files). With
# "lto", CFLAGS must hold -flto: the link then goes through $(CC), which
# compiles the whole core at once.
define bios_core
$(1)_CORE_OBJS := $$(patsubst %.c,$(2)/%.o,$$(patsubst %.S,$(2)/%.o,$(3)))
$(1)_CORE_LWIP_OBJS := $$(patsubst $(DEPS)/%.c,$(2)/deps/%.o,$(5))
$(1)_CORE_MBEDTLS_OBJS := $$(patsubst $(DEPS)/%.c,$(2)/deps/%.o,$(6))

$(2)/%.o: %.c
	@mkdir -p $$(@D)
	$$(call say,CC bios-$(1) $$<)
	$$(Q)$$(CC) $$(BIOS_CFLAGS) $(4) $$(WARN) -MMD -MP -c $$< -o $$@
$(2)/firmware/libc/%.o: firmware/libc/%.c
	@mkdir -p $$(@D)
	$$(call say,CC bios-$(1) $$<)
	$$(Q)$$(CC) $$(BIOS_CFLAGS) $(4) $$(WARN) -fno-tree-loop-distribute-patterns -MMD -MP -c $$< -o $$@
$(2)/deps/%.o: $(DEPS)/%.c
	@mkdir -p $$(@D)
	@$$(CC) $$(BIOS_CFLAGS) $(4) -w -MMD -MP -c $$< -o $$@
$(2)/bios/%.o: bios/%.S
	@mkdir -p $$(@D)
	$$(call say,AS bios-$(1) $$<)
	$$(Q)$$(CC) -m32 -c $$< -o $$@
$(2)/liblwip.a: $$($(1)_CORE_LWIP_OBJS)
	@rm -f $$@; $$(AR) rcs $$@ $$^
$(2)/libmbedtls.a: $$($(1)_CORE_MBEDTLS_OBJS)
	@rm -f $$@; $$(AR) rcs $$@ $$^
$(2)/firmware/main.o: $(BUILD)/bootnet_version.h
$(2)/firmware/embedded.o: $(BUILD)/embedded_script.h
$(2)/net/tls_trust.o: $(BUILD)/trust_anchors.h

$(2)/core.elf: $$($(1)_CORE_OBJS) $(2)/liblwip.a $(2)/libmbedtls.a bios/bootnet.lds
	@mkdir -p $(BIN)
	$$(call say,LD bios-$(1) $$@)
	$$(Q)$(if $(8),$$(CC) $$(BIOS_CFLAGS) $(4) $$(WARN) -nostdlib -Wl$$(comma)--build-id=none \
		$$(addprefix -Wl$$(comma),$$(BIOS_LDFLAGS) -Map=$(7)),$$(LD) -m elf_i386 \
		$$(BIOS_LDFLAGS) -Map=$(7)) -o $$@ \
		$$($(1)_CORE_OBJS) $(2)/liblwip.a $(2)/libmbedtls.a \
		$$(shell $$(CC) -m32 -print-libgcc-file-name)
	$$(Q)tools/check-bios-relocs $$@

-include $$(shell find $(2) -name '*.d' 2>/dev/null)
endef

# The full core: everything (bootnet.kpxe, .pxe, the USB stick and CD,
# bin/bootnet-full.rom).
BIOS_FULL_SRCS := $(CORE_SRCS) $(LIBC_SRCS) $(BIOS_SRCS) $(BIOS_ASMS)
$(eval $(call bios_core,full,$(BIOS_OBJ),$(BIOS_FULL_SRCS),,$(LWIP_SRCS),$(MBEDTLS_SRCS),$(BIN)/bootnet-kpxe.map))
BIOS_OWN_OBJS := $(full_CORE_OBJS)

include bios/rom64.mk

bios: $(BIN)/bootnet.kpxe
include bios/builds.mk
all: bios

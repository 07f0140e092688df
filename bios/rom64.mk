# The rom64 profile: the BIOS core cut down to fit a 64 KiB NIC option ROM
# once packed (bios/README.md, "rom64"). Included by the Makefile's BIOS
# section; its core is build/bios-rom64/core.elf (map bin/bootnet-rom64.map)
# and core-image.bin, from which bin/bootnet.rom is made.
ROM64_OBJ := $(BUILD)/bios-rom64

# The ROM NIC's own driver only, chosen by ROM_VENDOR (tools/media.mk);
# `make ROM64_DRIVERS="e1000 rtl8139"` for others (names of struct
# nic_driver without "_driver"; ROM64_SRCS_<name> below says its sources).
# A vendor not listed gets every driver (a core too big for 64 KiB, but
# `make ROM_VENDOR=...` for the other ROMs still builds).
ROM64_DRIVERS_8086 := e1000 e1000e
ROM64_DRIVERS_1af4 := virtio_net
ROM64_DRIVERS_10ec := rtl8139
ROM64_DRIVERS_14e4 := tg3
ROM64_DRIVERS ?= $(or $(ROM64_DRIVERS_$(ROM_VENDOR)),virtio_net e1000 e1000e rtl8139 tg3)
ROM64_SRCS_e1000 := drivers/net/e1000.c
ROM64_SRCS_e1000e := drivers/net/e1000.c
ROM64_SRCS_virtio_net := drivers/net/virtio_net.c drivers/net/virtio_ring.c
ROM64_SRCS_rtl8139 := drivers/net/rtl8139.c
ROM64_SRCS_tg3 := $(wildcard drivers/net/tg3*.c)
$(foreach d,$(ROM64_DRIVERS),$(if $(ROM64_SRCS_$(d)),,$(error ROM64_DRIVERS: no driver called $(d))))

# What rom64 leaves out, feature by feature: ROM64_NO_<F> are the sources
# left out, ROM64_STANDIN_<F> the stand-ins that refuse in words instead
# (firmware/rom64.h). `make ROM64_FEATURES_OUT="SAN ..."` puts the others
# back (with ROM64_MBEDTLS_SRCS for HTTPS), to measure what each costs.
# HTTPS: TLS, mbedTLS but SHA-256, the CA bundle.
ROM64_NO_HTTPS := net/tls.c net/tls_trust.c net/tls_verify_text.c net/net_libraries.c
ROM64_STANDIN_HTTPS := net/tls_absent.c net/net_libraries_rom64.c
# iSCSI and SAN disks: INT 13h, iBFT.
ROM64_NO_SAN := net/iscsi%.c net/scsi.c firmware/cmd_san.c firmware/san.c firmware/san_config.c \
	firmware/ibft.c bios/bios_san.c bios/bios_int13.c bios/bios_int13_entry.S bios/bios_ibft.c \
	bios/int13_request.c bios/e820_hide.c
ROM64_STANDIN_SAN := firmware/cmd_san_absent.c firmware/san_absent.c
# UNDI and chaining PXE NBPs: a NIC's ROM has no PXE stack below it (NII,
# undi_cdb.c, is EFI's: the full BIOS core carries it unused).
ROM64_NO_UNDI := firmware/pxe_%.c firmware/undi_cdb.c bios/bios_undi.c bios/bios_nbp.c \
	bios/bios_nbp_layout.c bios/bios_pxe_unload.c
ROM64_STANDIN_UNDI := bios/bios_undi_absent.c bios/bios_nbp_absent.c
# Multiboot kernels (still recognised, then refused).
ROM64_NO_MULTIBOOT := bios/multiboot.c bios/bios_multiboot.c
ROM64_STANDIN_MULTIBOOT := bios/bios_multiboot_absent.c
# md5sum and sha1sum, whose mbedTLS code is as big as a driver.
ROM64_NO_DIGEST := firmware/cmd_digest.c
ROM64_STANDIN_DIGEST := firmware/cmd_digest_absent.c
# Form posts (`##params` URIs, `params`, `param`).
ROM64_NO_FORMS := firmware/cmd_params.c firmware/settings_params.c
ROM64_STANDIN_FORMS := firmware/cmd_params_absent.c firmware/settings_params_absent.c
# The netprobe command: with one network path there is no other order.
ROM64_NO_NETPROBE := firmware/cmd_netprobe.c
ROM64_STANDIN_NETPROBE := firmware/cmd_netprobe_absent.c
# Every native driver; the chosen ones come back with their table.
ROM64_NO_DRIVERS := drivers/net/%.c
ROM64_STANDIN_DRIVERS := drivers/net/nic_drivers_rom64.c \
	$(sort $(foreach d,$(ROM64_DRIVERS),$(ROM64_SRCS_$(d))))

# 64-bit division: one small shift-and-subtract loop instead of libgcc's
# (2.4 KB raw). Not LTO-compiled: the calls to it appear only at the LTO
# link's code generation, after LTO would have dropped the definitions.
ROM64_DIV64_SRCS := firmware/libc/divdi3_rom64.c
# Power-off through ACPI (\_S5 from the DSDT); reboot stays, by the
# keyboard controller, else a triple fault, without the FADT's reset register.
ROM64_NO_POWEROFF := bios/bios_power.c
ROM64_STANDIN_POWEROFF := bios/bios_power_rom64.c
# nslookup.
ROM64_NO_NSLOOKUP := firmware/cmd_dns.c
ROM64_STANDIN_NSLOOKUP := firmware/cmd_dns_absent.c
# DNS: a URI's host is a dotted quad, a host name is refused in words.
ROM64_NO_DNS := net/dns.c net/dns_packet.c
ROM64_STANDIN_DNS := net/dns_absent.c
# Reading PE/COFF headers: "MZ" alone marks an EFI program, refused.
ROM64_NO_PE := firmware/pe_image.c
ROM64_STANDIN_PE := firmware/pe_image_rom64.c

ROM64_FEATURES_OUT := HTTPS SAN UNDI MULTIBOOT DIGEST FORMS NETPROBE POWEROFF NSLOOKUP PE DNS DRIVERS
ROM64_OWN_SRCS := $(filter-out $(foreach f,$(ROM64_FEATURES_OUT),$(ROM64_NO_$(f))),$(BIOS_FULL_SRCS)) \
	$(foreach f,$(ROM64_FEATURES_OUT),$(ROM64_STANDIN_$(f))) $(ROM64_DIV64_SRCS)
# mbedTLS's SHA-256 only: sha256sum and the entropy mixer.
ROM64_MBEDTLS_SRCS = $(addprefix $(MBEDTLS)/library/,sha256.c platform_util.c)
# Smaller code: lwIP without assertion texts, IP reassembly or
# out-of-order queueing (net/lwipopts.h, BOOTNET_SMALL_LWIP), mbedTLS's
# SHA-256 rolled up, link-time optimization of the whole core (its
# exception stubs are top-level asm, which LTO does not carry), and
# position-dependent code (the link still makes a PIE, whose
# R_386_RELATIVE relocations, more of them and in .text too, the prefix
# applies as before; no GOT register in every function), and no frame
# pointer (Debian's gcc keeps one at -Os on i386), tuned for the i486 (the
# shorter instruction forms: 2 KB less packed; it still runs i686 code).
ROM64_CFLAGS := -I$(ROM64_OBJ) -DBOOTNET_SMALL_LWIP -DMBEDTLS_SHA256_SMALLER -flto \
	-flto-partition=one -fno-pie -fomit-frame-pointer -mtune=i486
$(ROM64_OBJ)/firmware/libc/divdi3_rom64.o: ROM64_CFLAGS += -fno-lto
# The CPU exception report in one line: vector, EIP, offset, error code.
$(ROM64_OBJ)/bios/bios_exception.o: ROM64_CFLAGS += -fno-lto -DBIOS_EXCEPTION_BRIEF \
	-DBIOS_CORE_MAP='"bin/bootnet-rom64.map"'

$(eval $(call bios_core,rom64,$(ROM64_OBJ),$(ROM64_OWN_SRCS),$$(ROM64_CFLAGS),$(LWIP_SRCS),$(ROM64_MBEDTLS_SRCS),$(BIN)/bootnet-rom64.map,lto))

# The driver table's list (drivers/net/nic_drivers_rom64.c), rewritten
# only when ROM64_DRIVERS changes.
$(ROM64_OBJ)/rom64_drivers.h: FORCE
	@mkdir -p $(@D)
	@{ echo '/* Generated by bios/rom64.mk: ROM64_DRIVERS=$(ROM64_DRIVERS) */'; \
	echo '#define ROM64_DRIVER_NAMES "$(ROM64_DRIVERS)"'; \
	echo '#define ROM64_DRIVERS(X) $(foreach d,$(ROM64_DRIVERS),X($(d)))'; } > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@
$(ROM64_OBJ)/drivers/net/nic_drivers_rom64.o $(ROM64_OBJ)/net/net_libraries_rom64.o: \
	$(ROM64_OBJ)/rom64_drivers.h

$(ROM64_OBJ)/core-image.bin: $(ROM64_OBJ)/core.elf
	$(Q)$(OBJCOPY) -O binary $< $@

bios: $(ROM64_OBJ)/core-image.bin

# Its flags live here: changing them rebuilds its objects.
$(rom64_CORE_OBJS) $(rom64_CORE_LWIP_OBJS) $(rom64_CORE_MBEDTLS_OBJS): bios/rom64.mk

# Host unit tests: the core compiled for Linux with ASan and UBSan, against
# the test platform in tests/unit/platform_host.c. Included by the Makefile.

UNIT_BIN := $(BUILD)/host/unit-tests
# Core files that need no lwIP and no platform beyond platform.h: parsers and
# state machines. Listed by name; a file not written yet is simply absent.
UNIT_CORE_SRCS := firmware/console.c firmware/devreport.c drivers/bus/pci.c drivers/bus/pci_bar.c \
	drivers/bus/pci_names.c firmware/options.c firmware/image.c \
	$(wildcard net/uri.c net/http_response.c net/tftp_session.c net/dhcp_packet.c net/dns_packet.c net/tls_verify_text.c) net/inet.c \
	firmware/pe_image.c firmware/bzimage.c firmware/bzimage_params.c firmware/cpio.c \
	firmware/image_cmdline.c firmware/ansi_parse.c firmware/civil_time.c firmware/undi_cdb.c \
	firmware/pxe_undi.c firmware/pxe_undi_isr.c firmware/pxe_undi_netdev.c firmware/pxe_status.c \
	firmware/pxe_find.c bios/e820_map.c bios/heap.c bios/acpi_tables.c \
	firmware/netpath_order.c firmware/link_watch.c firmware/ibft.c \
	bios/int13_request.c bios/e820_hide.c bios/unpack/lzma_decode.c bios/unpack/unpack_core.c
# BIOS loaders' pure parts (where a kernel or an NBP goes, image kinds, multiboot).
UNIT_CORE_SRCS += bios/bios_linux_layout.c bios/bios_nbp_layout.c \
	bios/bios_image_kind.c bios/multiboot.c bios/bios_pxe_unload.c bios/cmos_time.c
# Core files that call into scripts and downloads: unit tests only, linked
# with the stand-ins in tests/unit/test_cmd_image_fakes.c (not the fuzzers).
UNIT_CMD_SRCS := firmware/cmd_image.c firmware/image_fetch.c firmware/image_initrd.c \
	firmware/image_kind.c
UNIT_LIBC_SRCS := firmware/libc/string.c firmware/libc/format.c firmware/libc/number.c \
	firmware/libc/divdi3_rom64.c
# The script language's tests have a binary of their own (below).
SCRIPT_UNIT_TESTS := $(wildcard tests/unit/test_script*.c tests/unit/test_settings*.c \
	tests/unit/test_menu*.c tests/unit/test_shell*.c)
# Native drivers run against device models (tests/unit/*_model*.c); the
# host platform stands in for drivers/bus/pci_regs.c. Whatever the core
# list already has is not listed twice.
UNIT_DRIVER_SRCS := firmware/netprobe.c firmware/netdev.c $(filter-out $(UNIT_CORE_SRCS) $(ROM64_ONLY),drivers/bus/nic_driver.c $(wildcard drivers/net/*.c))
UNIT_SRCS := $(filter-out $(SCRIPT_UNIT_TESTS),$(wildcard tests/unit/*.c)) $(UNIT_CORE_SRCS) $(UNIT_CMD_SRCS) $(UNIT_LIBC_SRCS) \
	$(UNIT_DRIVER_SRCS)
UNIT_OBJS := $(patsubst %.c,$(BUILD)/host/%.o,$(UNIT_SRCS))

HOST_CC := gcc
HOST_CFLAGS := -std=gnu11 -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer -Wall -Wextra -Werror -Wno-format-truncation -I$(BUILD)

# Our libc is compiled with every name prefixed "libc_" (see libc_name.h).
$(BUILD)/host/firmware/libc/%.o: firmware/libc/%.c
	@mkdir -p $(@D)
	$(call say,HOSTCC $<)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -DLIBC_HOST_TEST -fno-builtin -MMD -MP -c $< -o $@

$(BUILD)/host/%.o: %.c
	@mkdir -p $(@D)
	$(call say,HOSTCC $<)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -MMD -MP -c $< -o $@

$(UNIT_BIN): $(UNIT_OBJS)
	$(call say,HOSTLD $@)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -o $@ $^

# The script language (interpreter, settings, menus, shell, their
# commands) in a binary of its own: the tests supply the command table
# (the firmware's pulls in downloads) and run real scripts, which the
# stand-ins for scripts in the other binary must not meet.
# (The rom64 core's stand-ins, ROM64_ONLY, are not the script language's.)
SCRIPT_SRCS := firmware/command_tables.c $(filter-out $(ROM64_ONLY),$(wildcard firmware/script_*.c \
	firmware/settings*.c firmware/menu*.c firmware/shell*.c)) \
	firmware/cmd_console.c firmware/cmd_settings.c firmware/cmd_flow.c firmware/cmd_menu.c \
	firmware/cmd_params.c firmware/cmd_power.c firmware/cmd_misc.c \
	net/http_form.c
SCRIPT_UNIT_BIN := $(BUILD)/host/unit-tests-script
SCRIPT_UNIT_SRCS := tests/unit/test_main.c tests/unit/platform_host.c $(SCRIPT_UNIT_TESTS) \
	$(UNIT_CORE_SRCS) $(SCRIPT_SRCS)
SCRIPT_UNIT_OBJS := $(patsubst %.c,$(BUILD)/host/%.o,$(SCRIPT_UNIT_SRCS))

$(SCRIPT_UNIT_BIN): $(SCRIPT_UNIT_OBJS)
	$(call say,HOSTLD $@)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -o $@ $^

# The script fuzzer links the script language too (its own command table).
$(BUILD)/fuzz/fuzz_script: $(SCRIPT_SRCS)

unit-test: $(UNIT_BIN) $(SCRIPT_UNIT_BIN)
	$(UNIT_BIN)
	$(SCRIPT_UNIT_BIN)

-include $(shell find $(BUILD)/host -name '*.d' 2>/dev/null)

# The script tests (tests/scripts/run) build their runner here.
include tests/scripts/scripts.mk

# iSCSI: the PDU, URI, SCSI and session code, and CHAP with mbed TLS's MD5
# compiled for the host (its own files, with bootnet's mbed TLS config).
ISCSI_UNIT_SRCS := net/iscsi_pdu.c net/iscsi_uri.c net/iscsi_chap.c net/iscsi_session.c net/scsi.c
HOST_MD5_SRCS := $(MBEDTLS)/library/md5.c $(MBEDTLS)/library/platform_util.c
HOST_MBEDTLS_FLAGS := -Inet -I$(MBEDTLS)/include -DMBEDTLS_CONFIG_FILE='"mbedtls_config.h"'
$(UNIT_BIN): $(patsubst %.c,$(BUILD)/host/%.o,$(ISCSI_UNIT_SRCS) $(HOST_MD5_SRCS))
$(BUILD)/host/net/iscsi_chap.o $(BUILD)/host/tests/unit/test_iscsi_chap.o $(BUILD)/host/net/iscsi_session.o $(BUILD)/host/tests/unit/test_iscsi_session.o: HOST_CFLAGS += $(HOST_MBEDTLS_FLAGS)
$(BUILD)/host/$(MBEDTLS)/library/%.o: $(MBEDTLS)/library/%.c
	@mkdir -p $(@D)
	$(call say,HOSTCC $<)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) $(HOST_MBEDTLS_FLAGS) -w -c $< -o $@
# The SAN commands, over a fake iSCSI opener (tests/unit/test_cmd_san.c).
$(UNIT_BIN): $(BUILD)/host/firmware/cmd_san.o $(BUILD)/host/firmware/san.o

# bios/unpack/ as a host program, for tests/tools/test_pack_core.sh.
UNPACK_CHECK_BIN := $(BUILD)/host/unpack-check
$(UNPACK_CHECK_BIN): tests/tools/unpack_check.c bios/unpack/lzma_decode.c bios/unpack/unpack_core.c \
		bios/unpack/lzma_decode.h bios/unpack/unpack_core.h bios/unpack/packed_core.h
	@mkdir -p $(@D)
	$(call say,HOSTLD $@)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -o $@ $(filter %.c,$^)

# Host unit tests: the core compiled for Linux with ASan and UBSan, against
# the test platform in tests/unit/platform_host.c. Included by the Makefile.

UNIT_BIN := $(BUILD)/host/unit-tests
# Core files that need no lwIP and no platform beyond platform.h: parsers and
# state machines. Listed by name; a file not written yet is simply absent.
UNIT_CORE_SRCS := firmware/console.c firmware/devreport.c drivers/bus/pci.c \
	drivers/bus/pci_names.c firmware/options.c firmware/image.c \
	$(wildcard net/uri.c net/http_response.c net/tftp_session.c net/dhcp_packet.c) \
	firmware/pe_image.c firmware/bzimage.c firmware/bzimage_params.c firmware/cpio.c \
	firmware/image_cmdline.c
# Core files that call into scripts and downloads: unit tests only, linked
# with the stand-ins in tests/unit/test_cmd_image_fakes.c (not the fuzzers).
UNIT_CMD_SRCS := firmware/cmd_image.c firmware/image_fetch.c firmware/image_initrd.c \
	firmware/image_kind.c
UNIT_LIBC_SRCS := firmware/libc/string.c firmware/libc/format.c firmware/libc/number.c
UNIT_SRCS := $(wildcard tests/unit/*.c) $(UNIT_CORE_SRCS) $(UNIT_CMD_SRCS) $(UNIT_LIBC_SRCS)
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

unit-test: $(UNIT_BIN)
	$(UNIT_BIN)

-include $(shell find $(BUILD)/host -name '*.d' 2>/dev/null)

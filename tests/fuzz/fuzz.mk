# libFuzzer targets: tests/fuzz/fuzz_NAME.c, each a LLVMFuzzerTestOneInput
# over one parser, linked with the same core files as the unit tests.
# `make fuzz` builds them all and runs each for FUZZ_SECONDS (default 20).

FUZZ_CC := clang
FUZZ_CFLAGS := -std=gnu11 -g -O1 -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=all -Wall -Wextra -Werror -I$(BUILD)
FUZZ_SRCS := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BINS := $(patsubst tests/fuzz/%.c,$(BUILD)/fuzz/%,$(FUZZ_SRCS))
FUZZ_SECONDS ?= 20

$(BUILD)/fuzz/%: tests/fuzz/%.c $(UNIT_CORE_SRCS) tests/unit/platform_host.c
	@mkdir -p $(@D)
	$(call say,FUZZ $@)
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $^

fuzz-build: $(FUZZ_BINS)

fuzz: $(FUZZ_BINS)
	@for f in $(FUZZ_BINS); do \
		echo "fuzz: $$f for $(FUZZ_SECONDS)s"; \
		mkdir -p $(BUILD)/fuzz/corpus-$$(basename $$f); \
		$$f -max_total_time=$(FUZZ_SECONDS) -print_final_stats=0 \
			$(BUILD)/fuzz/corpus-$$(basename $$f) 2>&1 | tail -n 2 || exit 1; \
	done

# The iSCSI fuzzer runs PDUs through a logged-in session, so it links the
# session, CHAP and mbed TLS's MD5 as well.
$(BUILD)/fuzz/fuzz_iscsi_pdu: $(ISCSI_UNIT_SRCS) $(HOST_MD5_SRCS)
$(BUILD)/fuzz/fuzz_iscsi_pdu: FUZZ_CFLAGS += $(HOST_MBEDTLS_FLAGS)

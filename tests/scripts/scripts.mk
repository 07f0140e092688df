# The script tests' runner (tests/scripts/runner.c): the script language
# as the unit tests build it (SCRIPT_SRCS, platform_host.c), plus the real
# image commands, with ASan and UBSan. Included by tests/unit/unit.mk.

SCRIPT_RUNNER := $(BUILD)/host/script-runner
SCRIPT_RUNNER_SRCS := tests/scripts/runner.c tests/unit/platform_host.c $(UNIT_CORE_SRCS) \
	$(SCRIPT_SRCS) $(UNIT_CMD_SRCS)
SCRIPT_RUNNER_OBJS := $(patsubst %.c,$(BUILD)/host/%.o,$(SCRIPT_RUNNER_SRCS))

$(SCRIPT_RUNNER): $(SCRIPT_RUNNER_OBJS)
	$(call say,HOSTLD $@)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -o $@ $^

script-runner: $(SCRIPT_RUNNER)
.PHONY: script-runner

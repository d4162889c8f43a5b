# pyrena — build, test and benchmark.
# `make` builds ./pyrena; `make test` builds and runs every test; `make SANITIZE=1 ...` does the
# same with AddressSanitizer + UndefinedBehaviorSanitizer in build/san. See README.md.

CC       ?= cc
PREFIX   ?= /usr/local
DESTDIR  ?=
SANITIZE ?= 0

CSTD     := -std=c11 -D_GNU_SOURCE
WARN     := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
CFLAGS   ?= -O2 -g -DNDEBUG
ifeq ($(SANITIZE),1)
  MODE     := san
  CFLAGS   := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
  LDFLAGS  += -fsanitize=address,undefined
else
  MODE     := rel
endif
OUT      := build/$(MODE)

PKGS          := readline
TEST_PKGS     := check
PKG_CFLAGS     = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS       = $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lreadline)
CHECK_CFLAGS   = $(shell pkg-config --cflags $(TEST_PKGS) 2>/dev/null)
CHECK_LIBS     = $(shell pkg-config --libs $(TEST_PKGS) 2>/dev/null)

ALL_CFLAGS = $(CSTD) $(WARN) $(CFLAGS) -I. -MMD -MP

# Every .c in the library folders is part of the interpreter library; cli/ holds the program.
LIB_DIRS := memory lexer parser vm objects stdlib
LIB_SRC  := $(foreach d,$(LIB_DIRS),$(wildcard $(d)/*.c))
CLI_SRC  := $(wildcard cli/*.c)
UNIT_SRC := $(wildcard tests/unit/*.c)
BENCH_SRC := $(wildcard bench/*.c)

LIB_OBJ  := $(LIB_SRC:%.c=$(OUT)/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(OUT)/%.o)
UNIT_OBJ := $(UNIT_SRC:%.c=$(OUT)/%.o)
BENCH_BIN := $(BENCH_SRC:bench/%.c=$(OUT)/bench/%)
LIB      := $(OUT)/libpyrena.a

.PHONY: all deps test unit scripts demo bench format clean install lint fuzz

# ./pyrena is the release build; a sanitized build stays in build/san/pyrena.
all: $(OUT)/pyrena
ifeq ($(MODE),rel)
	@cmp -s $(OUT)/pyrena pyrena || cp $(OUT)/pyrena pyrena
endif

$(OUT)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(PKG_CFLAGS) -c $< -o $@

$(OUT)/tests/unit/%.o: tests/unit/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(CHECK_CFLAGS) -c $< -o $@

$(LIB): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(OUT)/pyrena: $(CLI_OBJ) $(LIB)
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(PKG_LIBS) -lm

$(OUT)/check_main: $(UNIT_OBJ) $(LIB)
	$(CC) $(LDFLAGS) -o $@ $(UNIT_OBJ) $(LIB) $(CHECK_LIBS) $(PKG_LIBS) -lm

$(OUT)/bench/%: bench/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(LDFLAGS) -lm

# Mutation fuzzing of lexer -> parser -> scope analysis (tests/fuzz/fuzz_frontend.c says how);
# `make fuzz FUZZ_ARGS="-n 100000 -s 7"`, under ASan with SANITIZE=1.
$(OUT)/fuzz_frontend: tests/fuzz/fuzz_frontend.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(LDFLAGS) -lm

fuzz: $(OUT)/fuzz_frontend
	$(OUT)/fuzz_frontend -w $(OUT) $(FUZZ_ARGS)

-include $(OUT)/fuzz_frontend.d

# Installs the Debian packages the build needs when pkg-config cannot find them.
deps:
	@sh tools/deps.sh $(PKGS) $(TEST_PKGS)

test: deps
	@$(MAKE) --no-print-directory unit scripts

unit: $(OUT)/check_main
	$(OUT)/check_main

scripts: all
	@sh tests/run_scripts.sh $(OUT)/pyrena
	@sh tests/run_cli.sh $(OUT)/pyrena

demo: deps
	@$(MAKE) --no-print-directory all
	@sh examples/demo.sh ./pyrena

bench: all $(BENCH_BIN)
	@sh bench/run.sh $(OUT)

format:
	clang-format -i $(LIB_SRC) $(CLI_SRC) $(UNIT_SRC) $(BENCH_SRC) $(wildcard */*.h)

lint:
	cppcheck --quiet --enable=warning,performance,portability --std=c11 -I. $(LIB_DIRS) cli

install: all
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 pyrena $(DESTDIR)$(PREFIX)/bin/pyrena

clean:
	rm -rf build pyrena

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(UNIT_OBJ:.o=.d)

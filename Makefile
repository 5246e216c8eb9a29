# One `facets` binary to copy anywhere, with its man page and shell completions.
#
#   make                                # release build in .build-release
#   make install PREFIX=$HOME/.local    # PREFIX defaults to /usr/local; DESTDIR is honoured
#   make uninstall PREFIX=$HOME/.local
#
# The Swift standard library and Foundation are linked in (--static-swift-stdlib), so the binary runs
# on a machine without Swift; ncurses stays a shared library (libncursesw6 is on every Debian).
# The man page and the completions are generated from the swift-argument-parser definitions, never
# written by hand: the page by argument-parser's own generate-manual tool (the one its GenerateManual
# plugin runs), the completions by `facets --generate-completion-script`.

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
STRIP ?= strip
SCRATCH ?= .build-release
# The man page's date: the last commit's, so the same sources give the same page.
MANUAL_DATE ?= $(shell git log -1 --format=%cs 2>/dev/null || date +%Y-%m-%d)

BUILD := $(SWIFT) build --configuration release --static-swift-stdlib --scratch-path $(SCRATCH)
BIN := $(SCRATCH)/release/facets
GENERATE_MANUAL := $(SCRATCH)/release/generate-manual
OUT := $(SCRATCH)/share
MAN := $(OUT)/man/facets.1
BASH_COMPLETION := $(OUT)/completions/facets.bash
ZSH_COMPLETION := $(OUT)/completions/_facets
FISH_COMPLETION := $(OUT)/completions/facets.fish

bindir := $(PREFIX)/bin
man1dir := $(PREFIX)/share/man/man1
bashdir := $(PREFIX)/share/bash-completion/completions
zshdir := $(PREFIX)/share/zsh/site-functions
fishdir := $(PREFIX)/share/fish/vendor_completions.d

.PHONY: all install uninstall clean FORCE

all: $(BIN) $(MAN) $(BASH_COMPLETION) $(ZSH_COMPLETION) $(FISH_COMPLETION)

# SwiftPM knows what the binary depends on, so it always gets asked; when it has nothing to do it
# leaves the binary untouched and make regenerates nothing below.
$(BIN): FORCE
	$(BUILD) --product facets
	@# SwiftPM does not notice when only --static-swift-stdlib changed: after a build without it in
	@# this scratch path (`swift build --scratch-path $(SCRATCH)`, or the GenerateManual plugin run
	@# there) it keeps the binary that needs the Swift runtime. Refuse to install that one. (Package.swift
	@# now links the facets target statically in release builds too, so only an older scratch path has it.)
	@if ldd $@ 2>/dev/null | grep -q -e libswift -e libFoundation; then \
		echo "$@ needs the Swift runtime as shared libraries: $(SCRATCH) was built without" \
			"--static-swift-stdlib. Run 'make clean', then 'make'." >&2; \
		exit 1; \
	fi

$(MAN): $(BIN)
	$(BUILD) --product generate-manual
	mkdir -p $(@D)
	$(GENERATE_MANUAL) $(BIN) --date $(MANUAL_DATE) --output-directory $(@D)

$(BASH_COMPLETION): $(BIN)
	mkdir -p $(@D)
	$(BIN) --generate-completion-script bash > $@.tmp && mv $@.tmp $@

$(ZSH_COMPLETION): $(BIN)
	mkdir -p $(@D)
	$(BIN) --generate-completion-script zsh > $@.tmp && mv $@.tmp $@

$(FISH_COMPLETION): $(BIN)
	mkdir -p $(@D)
	$(BIN) --generate-completion-script fish > $@.tmp && mv $@.tmp $@

install: all
	install -d "$(DESTDIR)$(bindir)" "$(DESTDIR)$(man1dir)" "$(DESTDIR)$(bashdir)" "$(DESTDIR)$(zshdir)" "$(DESTDIR)$(fishdir)"
	install -m 0755 $(BIN) "$(DESTDIR)$(bindir)/facets"
	@# Debug info is most of the size (115 MB -> 88 MB); symbols stay, so crash backtraces keep names.
	if command -v $(STRIP) >/dev/null 2>&1; then $(STRIP) --strip-debug "$(DESTDIR)$(bindir)/facets"; fi
	install -m 0644 $(MAN) "$(DESTDIR)$(man1dir)/facets.1"
	install -m 0644 $(BASH_COMPLETION) "$(DESTDIR)$(bashdir)/facets"
	install -m 0644 $(ZSH_COMPLETION) "$(DESTDIR)$(zshdir)/_facets"
	install -m 0644 $(FISH_COMPLETION) "$(DESTDIR)$(fishdir)/facets.fish"

uninstall:
	rm -f "$(DESTDIR)$(bindir)/facets" "$(DESTDIR)$(man1dir)/facets.1" "$(DESTDIR)$(bashdir)/facets" \
		"$(DESTDIR)$(zshdir)/_facets" "$(DESTDIR)$(fishdir)/facets.fish"

clean:
	rm -rf $(SCRATCH)

FORCE:

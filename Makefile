# Firedrill: two commands do everything on a fresh Debian 12 machine.
#   make run   install what is missing, build, launch the GUI on the two-region sample
#   make test  install what is missing, build, run every test headless
PRESET ?= dev
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
BUILD_DIR = build/$(PRESET)
SAMPLE ?= $(BUILD_DIR)/resources/samples/two-region.firedrill

.PHONY: deps configure build run test test-asan test-tsan package clean

deps:
	@bash installer/install-deps.sh

configure: deps
	@cmake --preset $(PRESET) >/dev/null

build: configure
	@cmake --build --preset $(PRESET) -j $(JOBS)

run: build
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ] && [ -z "$$QT_QPA_PLATFORM" ]; then \
	  echo "make run: no display (neither DISPLAY nor WAYLAND_DISPLAY is set), so the window opens on a"; \
	  echo "make run: virtual X display (xvfb-run, 1920x1080) that nothing shows on this screen."; \
	  echo "make run: firedrill is running; Ctrl+C stops it."; \
	  xvfb-run -a -s "-screen 0 1920x1080x24" $(BUILD_DIR)/app/gui/firedrill $(SAMPLE); \
	else \
	  $(BUILD_DIR)/app/gui/firedrill $(SAMPLE); \
	fi

test: build
	@ctest --preset $(PRESET) -j $(JOBS)

test-asan:
	@$(MAKE) --no-print-directory test PRESET=asan

test-tsan:
	@$(MAKE) --no-print-directory test PRESET=tsan

# The release build of the two programs and the sample workspaces (no tests), then the DEB and TGZ.
package:
	@$(MAKE) --no-print-directory configure PRESET=release
	@cmake --build --preset release -j $(JOBS) --target firedrill firedrill-cli sample_workspaces
	@cd build/release && cpack

clean:
	rm -rf build

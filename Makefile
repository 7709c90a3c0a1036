# Firedrill: two commands do everything on a fresh Debian 12 machine.
#   make run   install what is missing, build, launch the GUI on the two-region sample
#   make test  install what is missing, build, run every test headless
PRESET ?= dev
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
BUILD_DIR = build/$(PRESET)
SAMPLE ?= $(BUILD_DIR)/resources/samples/two-region.firedrill

.PHONY: deps configure build run test test-asan package clean

deps:
	@bash installer/install-deps.sh

configure: deps
	@cmake --preset $(PRESET) >/dev/null

build: configure
	@cmake --build --preset $(PRESET) -j $(JOBS)

run: build
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ] && [ -z "$$QT_QPA_PLATFORM" ]; then \
	  echo "No display found: starting under xvfb-run"; \
	  xvfb-run -a $(BUILD_DIR)/app/gui/firedrill $(SAMPLE); \
	else \
	  $(BUILD_DIR)/app/gui/firedrill $(SAMPLE); \
	fi

test: build
	@cd $(BUILD_DIR) && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j $(JOBS)

test-asan:
	@$(MAKE) --no-print-directory test PRESET=asan

package:
	@$(MAKE) --no-print-directory build PRESET=release
	@cmake --build --preset release --target package

clean:
	rm -rf build

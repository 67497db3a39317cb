# Two commands do all set-up on a fresh machine with python3 and make:
#   make demo   create .venv, install motesplan, run the examples and the CLI, write out/
#   make test   the same .venv; lint (ruff), types (mypy --strict), tests (pytest)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
OUT ?= out
# PDF pages are printed by the machine's Chromium (docs/printouts.md); without one the
# demo writes the HTML pages only
CHROMIUM := $(shell command -v chromium || command -v chromium-browser || command -v google-chrome)
PDFTOPPM := $(shell command -v pdftoppm)

.PHONY: demo test lint types pytest bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/python examples/plan_2024.py --out $(OUT)
	$(BIN)/python examples/rotation_2024_2027.py --out $(OUT)
	$(BIN)/motesplan plan examples/sodertorn-2024.toml --json $(OUT)/cli-plan-2024.json \
		--ics $(OUT)/cli-plan-2024.ics --markdown $(OUT)/cli-plan-2024.md \
		--html $(OUT)/plan-2024.html $(if $(CHROMIUM),--pdf $(OUT)/plan-2024.pdf)
	$(BIN)/motesplan rotation examples/sodertorn-2024.toml \
		--markdown $(OUT)/cli-rotation-2024-2027.md --json $(OUT)/cli-rotation-2024-2027.json \
		--html $(OUT)/rotation-2024-2027.html $(if $(CHROMIUM),--pdf $(OUT)/rotation-2024-2027.pdf)
	$(BIN)/python examples/replan_2024.py --out $(OUT)
	$(BIN)/motesplan replan examples/sodertorn-2024.toml --previous $(OUT)/cli-plan-2024.json \
		--json $(OUT)/cli-replan-2024.json
	$(BIN)/motesplan alternatives examples/sodertorn-2024.toml \
		--previous $(OUT)/cli-plan-2024.json --meeting lg-2024-04 --top 3
	$(BIN)/motesplan plan examples/kommun-2027-2030.toml --json $(OUT)/kommun-2027-2030.json \
		--ics $(OUT)/kommun-2027-2030.ics --markdown $(OUT)/kommun-2027-2030.md \
		--html $(OUT)/kommun-2027-2030.html $(if $(CHROMIUM),--pdf $(OUT)/kommun-2027-2030.pdf)
	rm -rf $(OUT)/kommun-2027-2030-eml
	$(BIN)/motesplan send examples/kommun-2027-2030.toml $(OUT)/kommun-2027-2030.json \
		--dry-run $(OUT)/kommun-2027-2030-eml > $(OUT)/kommun-2027-2030-eml.txt
	@echo "$$(ls $(OUT)/kommun-2027-2030-eml | wc -l) invitations as e-mails in $(OUT)/kommun-2027-2030-eml/"
ifneq ($(CHROMIUM),)
ifneq ($(PDFTOPPM),)
	$(PDFTOPPM) -png -r 80 -f 1 -l 2 $(OUT)/plan-2024.pdf $(OUT)/plan-2024-page
	$(PDFTOPPM) -png -r 80 -f 1 -l 2 $(OUT)/kommun-2027-2030.pdf $(OUT)/kommun-2027-2030-page
endif
else
	@echo "No Chromium: the PDF pages are left out (apt install chromium; docs/printouts.md)"
endif

test: lint types pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests examples benchmarks
	$(BIN)/ruff format --check src tests examples benchmarks

types: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_plan.py
	$(BIN)/python benchmarks/bench_booking.py

clean:
	rm -rf $(VENV) $(OUT) .mypy_cache .pytest_cache .ruff_cache .hypothesis

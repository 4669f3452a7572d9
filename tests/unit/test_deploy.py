"""The deployment files stay in step with what the tests run (they cannot be run here: no Docker).

nginx's configuration is one template used by the tests, docker-compose and Kubernetes; the
services, stores and settings named in deploy/ are the ones the code reads.
"""

import re
from pathlib import Path

import yaml

from tools.nginx import PLACEHOLDER, TEMPLATE
from tools.servers import ROOT

DEPLOY = ROOT / "deploy"
COMPOSE = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())
KUBERNETES = list(yaml.safe_load_all((DEPLOY / "kubernetes" / "send-guide.yaml").read_text()))
KUSTOMIZATION = yaml.safe_load((DEPLOY / "kustomization.yaml").read_text())
PLACEHOLDERS = set(PLACEHOLDER.findall(TEMPLATE.read_text()))


def kubernetes(kind: str, name: str) -> dict:
    return next(doc for doc in KUBERNETES if doc["kind"] == kind and doc["metadata"]["name"] == name)


def containers(doc: dict) -> list[dict]:
    spec = doc["spec"]
    spec = spec.get("jobTemplate", {}).get("spec", spec)
    return spec["template"]["spec"]["containers"]


def test_every_nginx_placeholder_is_given_by_the_tests_compose_and_kubernetes() -> None:
    assert {"RASA_1", "RASA_2", "WEB", "LISTEN", "ACCESS_LOG", "CHAT_RATE", "CHAT_BURST", "TRUSTED_PROXY"} == \
        PLACEHOLDERS
    assert set(COMPOSE["services"]["nginx"]["environment"]) == PLACEHOLDERS
    [nginx] = containers(kubernetes("Deployment", "nginx"))
    assert {variable["name"] for variable in nginx["env"]} == PLACEHOLDERS
    tests_values = re.search(r"render\(\{(.*?)\}\)", (ROOT / "tools" / "nginx.py").read_text(), re.S).group(1)
    assert set(re.findall(r'"([A-Z0-9_]+)":', tests_values)) == PLACEHOLDERS
    assert "./nginx/send-guide.conf.template:/etc/nginx/templates/send-guide.conf.template:ro" in \
        COMPOSE["services"]["nginx"]["volumes"]
    assert KUSTOMIZATION["configMapGenerator"][0]["files"] == ["nginx/send-guide.conf.template"]


def test_the_same_parts_run_everywhere_and_only_nginx_is_exposed() -> None:
    services = COMPOSE["services"]
    assert {"postgres", "redis", "migrate", "actions", "rasa-1", "rasa-2", "web", "nginx", "retention"} <= set(services)
    assert [name for name, service in services.items() if "ports" in service] == ["nginx"]
    assert {doc["metadata"]["name"] for doc in KUBERNETES if doc["kind"] == "Service"} == {"rasa", "actions", "web",
                                                                                         "nginx"}
    assert kubernetes("Service", "nginx")["spec"]["type"] == "LoadBalancer"
    assert all(kubernetes("Service", name)["spec"].get("type", "ClusterIP") == "ClusterIP"
               for name in ("rasa", "actions", "web"))
    assert kubernetes("StatefulSet", "rasa")["spec"]["replicas"] == 2  # rasa-0 and rasa-1, named in nginx


def test_rasa_runs_with_its_api_behind_a_token_and_the_shared_stores() -> None:
    compose_rasa = " ".join(COMPOSE["services"]["rasa-1"]["command"].split())
    [kubernetes_rasa] = containers(kubernetes("StatefulSet", "rasa"))
    kubernetes_command = " ".join([*kubernetes_rasa["command"], *kubernetes_rasa["args"]])
    run_sh = " ".join((ROOT / "scripts" / "run.sh").read_text().replace("\\\n", " ").split())
    run_sh = run_sh[run_sh.index("python scripts/rasa_server.py"):].split(" &")[0]
    for command in (compose_rasa, kubernetes_command, run_sh):
        # The launcher adds --auth-token from RASA_TOKEN: the token is on no command line (ps).
        assert "python scripts/rasa_server.py --model" in command and "--auth-token" not in command
        assert "--enable-api" in command and "--endpoints endpoints.yml" in command
    stores = {"DATABASE_URL", "CONVERSATIONS_DATABASE_URL", "LOCK_STORE_URL"}
    chat = {"RASA_TOKEN", "CORS_ORIGINS", "SEND_GUIDE_SESSION_SECRET"}
    assert stores | chat <= set(COMPOSE["services"]["rasa-1"]["environment"])
    secret = yaml.safe_load((DEPLOY / "kubernetes" / "secret.example.yaml").read_text())
    assert stores | {"RASA_TOKEN", "SEND_GUIDE_SESSION_SECRET"} <= set(secret["stringData"])
    code = "".join(path.read_text() for path in [ROOT / "send_guide" / "settings.py",
                                                 ROOT / "stores" / "lock_store.py"])
    assert all(f'"{name}"' in code for name in stores), "the names the code reads"




def test_the_image_installs_what_make_installs_and_sets_the_listen_queue() -> None:
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    makefile = (ROOT / "Makefile").read_text()
    assert "-r requirements.txt -c constraints.txt" in dockerfile
    assert "--no-deps --require-hashes -r requirements-multilingual.txt" in dockerfile
    assert "--no-deps --require-hashes -r requirements-multilingual.txt" in makefile
    assert "python -m send_guide.terminology build/spacy_send_en" in dockerfile
    assert "SANIC_BACKLOG=1024" in dockerfile and 'SANIC_BACKLOG="${SANIC_BACKLOG:-1024}"' in \
        (ROOT / "scripts" / "run.sh").read_text()
    assert Path(ROOT / ".dockerignore").read_text().count("widget/node_modules") == 1


def test_nginx_lets_a_pasted_message_through_to_the_staff_page_and_keeps_it_in_memory() -> None:
    from web.app import MAX_REQUEST_BYTES

    block = re.search(r"location /staff/read \{(.*?)\}", TEMPLATE.read_text(), re.S).group(1)
    sizes = dict(re.findall(r"(client_max_body_size|client_body_buffer_size) (\d+)k;", block))
    assert int(sizes["client_max_body_size"]) * 1024 == MAX_REQUEST_BYTES, "the web server's own limit decides"
    assert sizes["client_body_buffer_size"] == sizes["client_max_body_size"], "never spooled to a file on disk"


def nginx_locations() -> dict[str, str]:
    """Each location of the nginx template ("=" and the path for an exact one) with its block."""
    text = TEMPLATE.read_text()
    found = {}
    for match in re.finditer(r"^\s*location\s+(=\s+)?(\S+)\s*\{", text, re.M):
        depth, end = 1, match.end()
        while depth:
            depth += {"{": 1, "}": -1}.get(text[end], 0)
            end += 1
        found[(match.group(1) or "").strip() + match.group(2)] = text[match.end():end - 1]
    return found


def test_nginx_passes_only_the_two_chat_addresses_to_rasa() -> None:
    """Issue 17, item 11: Rasa's "/" and "/version" name its exact version; a prefix location would
    pass any path under it to Rasa as the client wrote it."""
    locations = nginx_locations()
    to_rasa = {where for where, block in locations.items() if "proxy_pass http://send_guide_rasa" in block}
    assert to_rasa == {"=/webhooks/rest/webhook", "=/socket.io/"}
    assert "send_guide_rasa" not in locations["/"]


def test_nginx_sends_hsts_over_https_only_and_with_the_web_servers_value() -> None:
    from web.headers import HSTS

    text = TEMPLATE.read_text()
    chosen = re.search(r"map \$send_guide_scheme \$send_guide_hsts \{(.*?)\}", text, re.S).group(1)
    assert re.findall(r'(\w+)\s+"([^"]*)";', chosen) == [("default", ""), ("https", HSTS)]
    server = text[text.index("server {"):]
    assert "add_header Strict-Transport-Security $send_guide_hsts always;" in server
    assert "proxy_hide_header Strict-Transport-Security;" in server, "one header, not the web server's as well"
    assert not any("add_header" in block for block in nginx_locations().values()), \
        "a location with its own add_header would drop the server's"


def test_nginx_trusts_no_balancer_unless_told_and_passes_on_only_what_it_decided() -> None:
    """Issue 19, item 12. Without a balancer no address may name the client or the scheme; the
    behaviour is tested with real nginx in tests/cluster/test_behind_balancer.py."""
    from tools.nginx import NO_BALANCER

    [nginx] = containers(kubernetes("Deployment", "nginx"))
    [trusted] = [variable for variable in nginx["env"] if variable["name"] == "TRUSTED_PROXY"]
    setting = trusted["valueFrom"]["configMapKeyRef"]
    assert kubernetes("ConfigMap", setting["name"])["data"][setting["key"]] == NO_BALANCER
    assert COMPOSE["services"]["nginx"]["environment"]["TRUSTED_PROXY"] == f"${{TRUSTED_PROXY:-{NO_BALANCER}}}"
    assert f"TRUSTED_PROXY={NO_BALANCER}\n" in (DEPLOY / "env.example").read_text()
    # Every place that sets the headers to the backends (a location that sets any inherits none).
    text = TEMPLATE.read_text()
    server = text.index("server {")
    blocks = [text[server:text.index("\n    location", server)], nginx_locations()["=/socket.io/"]]
    for block in blocks:
        headers = dict(re.findall(r"proxy_set_header (\S+) (.*?);", block))
        assert headers["X-Forwarded-For"] == "$remote_addr" and headers["X-Forwarded-Proto"] == "$send_guide_scheme"
        assert headers["X-Forwarded-Host"] == headers["X-Forwarded-Port"] == headers["X-Forwarded-Path"] == '""'


def test_nginx_logs_letter_downloads_without_their_address() -> None:
    """Issue 18: a letter's download address is the key to the family's letter for an hour."""
    text = TEMPLATE.read_text()
    block = nginx_locations()["/letters/"]
    assert "access_log ${ACCESS_LOG} send_guide_letter;" in block and "proxy_pass http://send_guide_web;" in block
    letter_format = re.search(r"log_format send_guide_letter (.*?);\n", text).group(1)
    assert "$uri" not in letter_format and "$request " not in letter_format and "$request_uri" not in letter_format

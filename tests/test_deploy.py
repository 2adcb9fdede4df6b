"""The deployment recipe in deploy/ holds together: one route cookie, the replicas nginx knows, a valid nginx file."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from bench.balancer import MAIN_CONFIG, SITE, site_config
from graph.dataset.limits import MAX_UPLOAD_BYTES

DEPLOY = Path(__file__).resolve().parent.parent / "deploy"
COOKIE = "kgroute"


def manifests() -> dict[str, dict]:
    documents = yaml.safe_load_all((DEPLOY / "kubernetes.yaml").read_text(encoding="utf-8"))
    return {document["kind"]: document for document in documents}


def test_nginx_routes_on_its_own_cookie_never_on_the_client_address() -> None:
    site = re.sub(r"#.*", "", SITE.read_text(encoding="utf-8"))
    assert "ip_hash" not in site
    assert "hash $kg_route consistent;" in site and f'"{COOKIE}=$request_id;' in site
    assert "proxy_set_header Upgrade $http_upgrade;" in site and "proxy_read_timeout 1h;" in site


def test_compose_runs_the_replicas_nginx_lists() -> None:
    compose = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text(encoding="utf-8"))
    replicas = sorted(name for name in compose["services"] if name.startswith("app-"))
    upstream = sorted(re.findall(r"server (app-\d+):8501", SITE.read_text(encoding="utf-8")))
    assert replicas == upstream == ["app-1", "app-2", "app-3"]
    assert compose["services"]["nginx"]["volumes"] == ["./nginx/kg.conf:/etc/nginx/conf.d/default.conf:ro"]


def test_the_ingress_uses_the_same_cookie_timeouts_and_body_size() -> None:
    annotations = manifests()["Ingress"]["metadata"]["annotations"]
    prefix = "nginx.ingress.kubernetes.io/"
    assert annotations[prefix + "affinity"] == "cookie"
    assert annotations[prefix + "session-cookie-name"] == COOKIE
    assert annotations[prefix + "proxy-read-timeout"] == "3600"
    assert int(annotations[prefix + "proxy-body-size"].rstrip("m")) * 1024 * 1024 > MAX_UPLOAD_BYTES
    assert manifests()["Deployment"]["spec"]["replicas"] == 3


def test_the_body_size_lets_the_largest_upload_through() -> None:
    size = re.search(r"client_max_body_size (\d+)m;", SITE.read_text(encoding="utf-8"))
    assert size and int(size.group(1)) * 1024 * 1024 > MAX_UPLOAD_BYTES


@pytest.mark.skipif(shutil.which("nginx", path="/usr/sbin:/usr/bin") is None, reason="nginx is not installed")
def test_nginx_accepts_the_site_file(tmp_path: Path) -> None:
    (tmp_path / "kg.conf").write_text(site_config(8080, [8501, 8502, 8503]), encoding="utf-8")
    (tmp_path / "nginx.conf").write_text(MAIN_CONFIG.format(folder=tmp_path), encoding="utf-8")
    nginx = shutil.which("nginx", path="/usr/sbin:/usr/bin") or "nginx"
    checked = subprocess.run([nginx, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
                             capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stderr

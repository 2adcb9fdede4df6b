"""Streamlit replicas behind nginx on loopback, with the deployment's own site file (deploy/nginx/kg.conf).

The benchmark and the browser tests start N servers of the app and one nginx in front of them,
all on 127.0.0.1, with a configuration written to a temporary folder; both are stopped when the
block ends. nginx comes from Debian: it is installed with apt-get when missing (with sudo when
not root), as scripts/test.sh installs Chromium.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.browser_timing import ROOT, Server, free_port, running

SITE = ROOT / "deploy" / "nginx" / "kg.conf"
UPSTREAM_SERVER = re.compile(r"^(\s*)server app-\d+:8501( [^;]*)?;\n", re.M)
START_SECONDS = 20
# One secret for every replica, as in deploy/: a browser sent to another replica keeps a valid XSRF cookie.
COOKIE_SECRET = "bench-replicas-share-one-secret"
MAIN_CONFIG = """worker_processes 1;
daemon off;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {folder}/kg.conf;
}}
"""


@dataclass
class Balancer:
    """nginx in front of the replicas: its address and the replicas behind it."""

    port: int
    replicas: list[Server]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def site_config(listen_port: int, app_ports: list[int]) -> str:
    """deploy/nginx/kg.conf listening on loopback, in front of the replicas at ``app_ports``."""
    site = SITE.read_text(encoding="utf-8").replace("listen 80;", f"listen 127.0.0.1:{listen_port};")
    first = UPSTREAM_SERVER.search(site)
    if first is None:
        raise ValueError(f"{SITE}: no 'server app-N:8501' line in the upstream block.")
    indent, options = first.group(1), first.group(2) or ""
    servers = "".join(f"{indent}server 127.0.0.1:{port}{options};\n" for port in app_ports)
    return site[:first.start()] + servers + UPSTREAM_SERVER.sub("", site[first.start():])


def nginx_binary() -> str:
    """The path of nginx, installing Debian's nginx-light first when it is missing."""
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")
    if found:
        return found
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run([*sudo, "apt-get", "install", "-y", "-qq", "nginx-light"], check=True, env=env)
    return shutil.which("nginx", path="/usr/sbin:/usr/bin") or "/usr/sbin/nginx"


@contextmanager
def nginx(app_ports: list[int]) -> Iterator[int]:
    """nginx on a free loopback port in front of ``app_ports``; yields its port; always stops it."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="bench-nginx-") as folder:
        Path(folder, "kg.conf").write_text(site_config(port, app_ports), encoding="utf-8")
        Path(folder, "nginx.conf").write_text(MAIN_CONFIG.format(folder=folder), encoding="utf-8")
        log = Path(folder, "error.log")
        process = subprocess.Popen([nginx_binary(), "-p", folder, "-c", f"{folder}/nginx.conf"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        try:
            _wait_listening(port, process, log)
            yield port
        finally:
            process.terminate()
            process.wait(timeout=10)


def _wait_listening(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline and process.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    errors = log.read_text(errors="replace") if log.exists() else "(no error log)"
    raise RuntimeError(f"nginx did not start on port {port}:\n{errors}")


@contextmanager
def replicas(count: int, folder: Path = ROOT) -> Iterator[list[Server]]:
    """``count`` servers of the app, sharing one cookie secret; always stopped."""
    env = {"STREAMLIT_SERVER_COOKIE_SECRET": COOKIE_SECRET}
    with ExitStack() as stack:
        yield [stack.enter_context(running(folder, "app.py", env=env)) for _ in range(count)]


@contextmanager
def balanced(count: int, folder: Path = ROOT) -> Iterator[Balancer]:
    """``count`` replicas of the app behind nginx with cookie affinity."""
    with replicas(count, folder) as servers, nginx([server.port for server in servers]) as port:
        yield Balancer(port, servers)

#!/usr/bin/env python3
"""The preview server's guards, over raw HTTP on 127.0.0.1: Host checking
(DNS rebinding), 405 for other methods, idle and header timeouts, and closed
event streams dropped at once, under a low descriptor limit.

Usage: check-preview-server.py REMIT"""
import os, shutil, socket, subprocess, sys, tempfile, time

remit = os.path.abspath(sys.argv[1])
fixture = os.path.abspath("Tests/EndToEndTests/Fixtures/unseen/content")


def start(work, *extra, fd_limit=None):
    cmd = [remit, "serve", "--content", "content", "--output", "public", "--port", "0", "--idle-timeout", "1", *extra]
    if fd_limit:
        cmd = ["bash", "-c", f"ulimit -n {fd_limit} && exec \"$@\"", "serve", *cmd]
    proc = subprocess.Popen(cmd, cwd=work, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    for line in proc.stdout:
        if line.startswith("serving on http://127.0.0.1:"):
            port = int(line.split(":")[2].split("/")[0])
            return proc, port
    raise SystemExit("remit serve did not start")


def request(port, raw, timeout=5):
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(raw.encode())
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
            if b"\r\n\r\n" in data and b"Content-Length" not in data.split(b"\r\n\r\n")[0] and b"content-length" not in data.split(b"\r\n\r\n")[0]:
                break
            head, _, body = data.partition(b"\r\n\r\n")
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:") and len(body) >= int(line.split(b":")[1]):
                    return data.decode(errors="replace")
        return data.decode(errors="replace")


def status(port, method="GET", host=None, path="/shared/"):
    host_line = f"Host: {host}\r\n" if host is not None else ""
    response = request(port, f"{method} {path} HTTP/1.1\r\n{host_line}Connection: close\r\n\r\n")
    return int(response.split(" ")[1]), response


def closed_within(port, payload, seconds):
    """Whether the server closes a connection that sends `payload` and then nothing."""
    with socket.create_connection(("127.0.0.1", port), timeout=seconds + 5) as s:
        if payload:
            s.sendall(payload.encode())
        started = time.time()
        try:
            while s.recv(4096):
                pass
        except (ConnectionResetError, socket.timeout):
            pass
        return time.time() - started <= seconds + 1.5


def fd_count(pid):
    return len(os.listdir(f"/proc/{pid}/fd"))


def main():
    work = tempfile.mkdtemp()
    shutil.copytree(fixture, os.path.join(work, "content"))
    failures = []

    def check(ok, what):
        print(("ok: " if ok else "FAIL: ") + what)
        if not ok:
            failures.append(what)

    proc, port = start(work, "--allow-host", "preview.lan")
    try:
        for host in [f"localhost:{port}", f"127.0.0.1:{port}", f"[::1]:{port}", "localhost", f"PREVIEW.lan:{port}"]:
            code, _ = status(port, host=host)
            check(code == 200, f"Host {host} answered ({code})")
        for host in ["evil.example", f"evil.example:{port}", f"localhost:{port + 1}", "127.0.0.1.evil.example", "", None]:
            code, body = status(port, host=host)
            check(code == 421 and "Invalid Host header" in body, f"Host {host!r} refused with 421 ({code})")
        for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"]:
            code, body = status(port, method=method, host=f"localhost:{port}")
            check(code == 405 and "allow: get, head" in body.lower(), f"{method} answered 405 with Allow ({code})")
        code, _ = status(port, method="HEAD", host=f"localhost:{port}")
        check(code == 200, f"HEAD answered ({code})")
        check(closed_within(port, "", 1), "an idle connection is closed after --idle-timeout")
        check(closed_within(port, f"GET /shared/ HTTP/1.1\r\nHost: localhost:{port}\r\nX-Slow: ", 1),
              "a request whose headers never finish is closed after --idle-timeout")
    finally:
        proc.terminate()
        proc.wait(timeout=10)

    # 600 tabs that open the event stream and close it, with 256 descriptors:
    # each closed stream must be dropped at once, or the server runs out.
    proc, port = start(work, fd_limit=256)
    try:
        baseline = fd_count(proc.pid)
        for _ in range(600):
            with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
                s.sendall(f"GET /shared/__remit/events HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n".encode())
                data = b""
                while b"retry: 500" not in data:
                    chunk = s.recv(4096)
                    if not chunk:
                        break
                    data += chunk
        time.sleep(0.5)
        code, _ = status(port, host=f"localhost:{port}")
        check(code == 200, f"after 600 closed event streams under ulimit -n 256 the server still answers ({code})")
        check(fd_count(proc.pid) <= baseline + 10, f"descriptors back near the baseline ({fd_count(proc.pid)} vs {baseline})")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        sys.exit(f"{len(failures)} preview-server checks failed")
    print("preview server: host checks, 405, timeouts and event-stream clean-up hold")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Protocol test of the "Java (mixrl)" Jupyter kernel, through jupyter_client as a notebook
server would use it: start the installed kernelspec, run cells, read what arrives on the
iopub channel, interrupt, complete and shut down. Then attack it as any local process could
(the ports are reachable by every user of the machine): forged, unsigned, malformed and
misrouted messages and a flood of 1000 forged ones. After each, code the attack carried must
not have run (a marker file stays absent) and a correctly signed request must be answered
within a few seconds.

Run after `./mixrl kernel install --user`: /usr/bin/python3 src/test/python/kernel_protocol_test.py
The kernelspec is found as Jupyter finds it, so JUPYTER_PATH=PREFIX/share/jupyter selects one
installed with `./mixrl kernel install --prefix PREFIX`; MIXRL_KERNEL_NAME overrides its name.
Prints one line per check and a final "N passed, M failed"; exits 1 on any failure.
"""

import hashlib
import hmac
import json
import os
import queue
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
import traceback
import uuid

import zmq
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import start_new_kernel
from jupyter_client.session import Session

KERNEL = os.environ.get("MIXRL_KERNEL_NAME", "mixrl")
TIMEOUT = 60  # seconds for one request; the first cell may wait for JShell to warm up
HEARTBEAT_ROUNDS = 200
ANSWER_TIMEOUT = 5  # seconds within which a signed request must be answered after an attack

passed = 0
failed = 0


def check(name, fn, *args):
    global passed, failed
    t0 = time.monotonic()
    try:
        fn(*args)
    except Exception as e:  # one failing check must not hide the others
        failed += 1
        print(f"FAIL {name}: {e}")
        traceback.print_exc(limit=2)
    else:
        passed += 1
        print(f"ok   {name} ({time.monotonic() - t0:.1f} s)")


def shell_reply(kc, msg_id, timeout=TIMEOUT):
    """The shell reply to msg_id. Skips others: start_new_kernel may leave replies to the
    kernel_info requests it repeats while the kernel starts."""
    deadline = time.monotonic() + timeout
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"no shell reply within {timeout} s")
        msg = kc.get_shell_msg(timeout=remaining)
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def execute(kc, code, timeout=TIMEOUT):
    """Runs code; returns (reply content, list of (msg_type, content) from iopub for it)."""
    msg_id = kc.execute(code)
    outputs = iopub_outputs(kc, msg_id, code, timeout)
    return shell_reply(kc, msg_id, timeout)["content"], outputs


def iopub_outputs(kc, msg_id, code, timeout=TIMEOUT):
    """The (msg_type, content) pairs iopub publishes for request msg_id, up to its idle status."""
    outputs = []
    deadline = time.monotonic() + timeout
    # iopub ends each request with status idle; collect until then.
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"no idle status for {code!r} within {timeout} s")
        try:
            msg = kc.get_iopub_msg(timeout=remaining)
        except queue.Empty:
            continue
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind = msg["msg_type"]
        if kind == "status" and msg["content"]["execution_state"] == "idle":
            break
        if kind not in ("status", "execute_input"):
            outputs.append((kind, msg["content"]))
    return outputs


def of_kind(outputs, kind):
    return [c for k, c in outputs if k == kind]


def expect(cond, message):
    if not cond:
        raise AssertionError(message)


def test_kernel_info(kc):
    reply = shell_reply(kc, kc.kernel_info())["content"]
    expect(reply["language_info"]["name"] == "java", f"language_info: {reply['language_info']}")
    expect(reply["implementation"] == "mixrl", f"implementation: {reply['implementation']}")


def test_expression_value(kc):
    reply, outputs = execute(kc, "1+1")
    expect(reply["status"] == "ok", f"status {reply['status']}: {reply}")
    results = of_kind(outputs, "execute_result")
    expect(len(results) == 1, f"one execute_result expected, got {outputs}")
    expect(results[0]["data"]["text/plain"] == "2", f"text/plain {results[0]['data']!r}")


def test_print_streams(kc):
    reply, outputs = execute(kc, 'System.out.println("hello from java");\nSystem.err.println("to stderr");')
    expect(reply["status"] == "ok", f"status {reply['status']}")
    out = "".join(c["text"] for c in of_kind(outputs, "stream") if c["name"] == "stdout")
    err = "".join(c["text"] for c in of_kind(outputs, "stream") if c["name"] == "stderr")
    expect(out == "hello from java\n", f"stdout {out!r}")
    expect(err == "to stderr\n", f"stderr {err!r}")
    expect(not of_kind(outputs, "execute_result"), "a statement has no value")


def test_error_then_recovery(kc):
    reply, outputs = execute(kc, "int x = 1;\nStrin s = \"oops\";")
    expect(reply["status"] == "error", f"status {reply['status']}")
    errors = of_kind(outputs, "error")
    expect(len(errors) == 1, f"one error message expected: {outputs}")
    tb = "\n".join(errors[0]["traceback"])
    expect("line 2, column 1: cannot find symbol" in tb, f"traceback:\n{tb}")
    expect("Strin s" in tb, f"source line missing:\n{tb}")

    reply, outputs = execute(kc, "1 / 0")
    tb = "\n".join(of_kind(outputs, "error")[0]["traceback"])
    expect(reply["status"] == "error" and "java.lang.ArithmeticException: / by zero" in tb, tb)

    reply, outputs = execute(kc, "x + 41")
    expect(reply["status"] == "ok", f"kernel did not recover: {reply}")
    expect(of_kind(outputs, "execute_result")[0]["data"]["text/plain"] == "42", str(outputs))


def test_chart_display(kc):
    code = (
        "XYChart chart = new XYChartBuilder().width(400).height(300).title(\"t\").build();\n"
        "chart.addSeries(\"y\", new double[] {0, 1, 2}, new double[] {0, 1, 4});\n"
        "display(chart);\n"
        "chart"
    )
    reply, outputs = execute(kc, code)
    expect(reply["status"] == "ok", f"status {reply}")
    shown = of_kind(outputs, "display_data")
    expect(len(shown) == 1 and "image/png" in shown[0]["data"], f"display_data: {outputs}")
    expect(shown[0]["data"]["image/png"].startswith("iVBORw0KGgo"), "not a base64 PNG")
    result = of_kind(outputs, "execute_result")
    expect(len(result) == 1 and "image/png" in result[0]["data"], "the chart as last value is a PNG too")


def test_tensor_table(kc):
    reply, outputs = execute(kc, "Tensor.matrix(new double[][] {{1, 2}, {3, 4}})")
    data = of_kind(outputs, "execute_result")[0]["data"]
    expect("<table>" in data.get("text/html", ""), f"no HTML table: {data}")
    expect(data["text/plain"].startswith("tensor("), data["text/plain"])


def wait_for_stdout(kc, msg_id, text, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"no {text!r} on stdout within {timeout} s")
        try:
            msg = kc.get_iopub_msg(timeout=remaining)
        except queue.Empty:
            continue
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream"
                and text in msg["content"]["text"]):
            return


def interrupt_during(kc, km, code):
    # The cell says when it runs, and the interrupt comes after that. A fixed pause was a race:
    # on a loaded machine (load 40 on 2 cores) one run's interrupt came before the loop ran,
    # did not stop it, and left the shell busy for the rest of the test.
    msg_id = kc.execute(code)
    wait_for_stdout(kc, msg_id, "started")
    time.sleep(0.2)
    t0 = time.monotonic()
    km.interrupt_kernel()
    reply = shell_reply(kc, msg_id, timeout=15)
    elapsed = time.monotonic() - t0
    status = reply["content"]["status"]
    expect(status in ("error", "aborted"), f"status {status} after interrupt")
    expect(elapsed < 5, f"interrupt took {elapsed:.1f} s")
    reply, outputs = execute(kc, "2 * 21")
    expect(of_kind(outputs, "execute_result")[0]["data"]["text/plain"] == "42", "kernel not answering after interrupt")


def test_interrupt_sleep(kc, km):
    # One snippet (a block), so nothing is left to compile once "started" is printed.
    interrupt_during(kc, km, '{ System.out.println("started"); Thread.sleep(60000); }\nSystem.out.println("not reached");')


def test_interrupt_busy_loop(kc, km):
    interrupt_during(kc, km, '{ System.out.println("started"); long n = 0; while (true) { n++; } }')


def test_complete(kc):
    code = "int a = 1;\nStr"
    reply = shell_reply(kc, kc.complete(code, len(code)))["content"]
    expect(reply["status"] == "ok", str(reply))
    expect("String" in reply["matches"], f"matches {reply['matches']}")
    expect(reply["cursor_start"] == len(code) - 3 and reply["cursor_end"] == len(code), str(reply))


def test_is_complete(kc):
    reply = shell_reply(kc, kc.is_complete("for (int i = 0; i < 3; i++) {"))["content"]
    expect(reply["status"] == "incomplete", str(reply))
    reply = shell_reply(kc, kc.is_complete("int y = 3;"))["content"]
    expect(reply["status"] == "complete", str(reply))


# ---- attacks: what any local process can send to the kernel's ports ----

WORK = tempfile.mkdtemp(prefix="mixrl-protocol-")
ZMQ_CTX = zmq.Context.instance()


def marker_code(name):
    """Java that creates the marker file `name`: it exists only if an attack's code ran."""
    path = os.path.join(WORK, name)
    return path, f'java.nio.file.Files.writeString(java.nio.file.Path.of("{path}"), "ran");'


def header(msg_type, session="attacker"):
    return {
        "msg_id": uuid.uuid4().hex,
        "username": "attacker",
        "session": session,
        "date": "2026-01-01T00:00:00.000000Z",
        "msg_type": msg_type,
        "version": "5.3",
    }


def execute_content(code):
    return {"code": code, "silent": False, "store_history": True, "user_expressions": {},
            "allow_stdin": False, "stop_on_error": True}


def jbytes(obj):
    return json.dumps(obj).encode()


def sign(key, parts, digest=hashlib.sha256):
    mac = hmac.new(key, digestmod=digest)
    for p in parts:
        mac.update(p)
    return mac.hexdigest().encode()


def signed_frames(key, msg_type, content, digest=hashlib.sha256, parts=None):
    """[delimiter, signature, header, parent, metadata, content], signed with key."""
    if parts is None:
        parts = [jbytes(header(msg_type)), b"{}", b"{}", jbytes(content)]
    return [b"<IDS|MSG>", sign(key, parts, digest)] + parts


class Raw:
    """A DEALER socket on one of the kernel's ROUTER channels, as an attacker would open it.
    It also knows the real key, to send the signed request that must be answered afterwards
    over the same connection (its reply proves the kernel got past everything sent before)."""

    def __init__(self, km, channel, identity):
        self.km = km
        self.sock = ZMQ_CTX.socket(zmq.DEALER)
        self.sock.linger = 0
        self.sock.identity = identity.encode()
        port = {"shell": km.shell_port, "control": km.control_port, "stdin": km.stdin_port}[channel]
        self.sock.connect(f"tcp://{km.ip}:{port}")
        self.session = Session(key=km.session.key, signature_scheme=km.session.signature_scheme)

    def send(self, frames):
        self.sock.send_multipart(frames)

    def signed_request(self, msg_type, content, timeout=ANSWER_TIMEOUT):
        """Sends a correctly signed request; returns its reply, or raises after timeout s."""
        msg = self.session.send(self.sock, msg_type, content)
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not self.sock.poll(int(remaining * 1000)):
                raise TimeoutError(f"no reply to a signed {msg_type} within {timeout} s")
            _, parts = self.session.feed_identities(self.sock.recv_multipart())
            reply = self.session.deserialize(parts)
            if reply["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
                return reply

    def close(self):
        self.sock.close()


def expect_answering(kc, raw=None):
    """The kernel still serves: a signed request over the attacker's own connection (sent after
    the attack, so handled after it) and a cell through the real client, each within seconds."""
    if raw is not None:
        reply = raw.signed_request("kernel_info_request", {})
        expect(reply["content"].get("implementation") == "mixrl", f"kernel_info after attack: {reply['content']}")
    reply, outputs = execute(kc, "3 + 3", timeout=ANSWER_TIMEOUT)
    expect(reply["status"] == "ok", f"3 + 3 after attack: {reply}")
    expect(of_kind(outputs, "execute_result")[0]["data"]["text/plain"] == "6", str(outputs))


def attack_shell(kc, km, name, make_frames, count=1):
    """Sends make_frames(key, code) count times on shell, then checks the kernel answers and
    the marker the code would write does not exist."""
    path, code = marker_code(name)
    raw = Raw(km, "shell", f"attacker-{name}")
    try:
        for _ in range(count):
            raw.send(make_frames(km.session.key, code))
        expect_answering(kc, raw)
    finally:
        raw.close()
    expect(not os.path.exists(path), f"the forged code ran: {path} exists")


WRONG_KEY = b"not-the-key"


def test_marker_code_runs_when_signed(kc):
    # The control for every attack below: the marker code does create its file when the real
    # client sends it, so an absent marker means the code did not run, not that it was wrong.
    path, code = marker_code("positive-control")
    reply, _ = execute(kc, code)
    expect(reply["status"] == "ok", f"marker code failed: {reply}")
    expect(os.path.exists(path), f"marker code ran but {path} does not exist")


def test_wrong_key(kc, km):
    attack_shell(kc, km, "wrong-key",
                 lambda key, code: signed_frames(WRONG_KEY, "execute_request", execute_content(code)))


def test_missing_signature(kc, km):
    def frames(key, code):
        f = signed_frames(key, "execute_request", execute_content(code))
        f[1] = b""
        return f
    attack_shell(kc, km, "missing-signature", frames)


def test_wrong_scheme(kc, km):
    # The right key but another digest (hmac-sha1): the kernel's scheme is hmac-sha256.
    attack_shell(kc, km, "wrong-scheme", lambda key, code: signed_frames(
        key, "execute_request", execute_content(code), digest=hashlib.sha1))


def test_too_few_frames(kc, km):
    attack_shell(kc, km, "too-few-frames", lambda key, code: signed_frames(
        key, "execute_request", execute_content(code))[:4])


def test_no_delimiter(kc, km):
    # Correctly signed, but without the <IDS|MSG> frame that ends the routing identities.
    attack_shell(kc, km, "no-delimiter", lambda key, code: signed_frames(
        key, "execute_request", execute_content(code))[1:])


def test_header_not_json(kc, km):
    def frames(key, code):
        parts = [b"{not json", b"{}", b"{}", jbytes(execute_content(code))]
        return signed_frames(key, None, None, parts=parts)
    attack_shell(kc, km, "header-not-json", frames)


def test_content_not_json(kc, km):
    def frames(key, code):
        parts = [jbytes(header("execute_request")), b"{}", b"{}", b"code: " + code.encode()]
        return signed_frames(key, None, None, parts=parts)
    attack_shell(kc, km, "content-not-json", frames)


def test_unknown_msg_type(kc, km):
    attack_shell(kc, km, "unknown-type", lambda key, code: signed_frames(
        key, "execute_now_request", execute_content(code)))


def test_huge_content(kc, km):
    # 8 MB of code (a comment, then the marker) with a forged signature.
    def frames(key, code):
        return signed_frames(WRONG_KEY, "execute_request", execute_content("// " + "x" * 8_000_000 + "\n" + code))
    attack_shell(kc, km, "huge-content", frames)


def test_huge_signed_content_not_json(kc, km):
    # 8 MB signed with the right key, but the content object never closes: the kernel must
    # parse and reject it, not run the code at its start.
    def frames(key, code):
        content = b'{"code": ' + jbytes(code) + b', "silent": false, "padding": "' + b"x" * 8_000_000
        parts = [jbytes(header("execute_request")), b"{}", b"{}", content]
        return signed_frames(key, None, None, parts=parts)
    attack_shell(kc, km, "huge-signed-not-json", frames)


def test_flood(kc, km):
    t0 = time.monotonic()
    attack_shell(kc, km, "flood", lambda key, code: signed_frames(
        WRONG_KEY, "execute_request", execute_content(code)), count=1000)
    print(f"     1000 forged messages, then answered, in {time.monotonic() - t0:.1f} s")


def test_wrong_channel_control(kc, km):
    # A correctly signed execute_request on control, which serves only shutdown, interrupt
    # and kernel_info; and a forged shutdown_request there, which must not end the kernel.
    path, code = marker_code("control-execute")
    raw = Raw(km, "control", "attacker-control")
    try:
        raw.send(signed_frames(km.session.key, "execute_request", execute_content(code)))
        raw.send(signed_frames(WRONG_KEY, "shutdown_request", {"restart": False}))
        expect_answering(kc, raw)
    finally:
        raw.close()
    expect(not os.path.exists(path), f"code sent on control ran: {path} exists")
    expect(km.is_alive(), "a forged shutdown_request ended the kernel")


def test_wrong_channel_shell(kc, km, log_path):
    # A signed input_reply belongs on stdin; on shell no handler may take it.
    raw = Raw(km, "shell", "attacker-shell-input")
    try:
        raw.send(signed_frames(km.session.key, "input_reply", {"value": "forged"}))
        expect_answering(kc, raw)  # answered over the same connection, so handled after it
    finally:
        raw.close()
    drops = logged_drops(log_path, "on shell from identity attacker-shell-input: input_reply is not served on shell")
    expect(drops == 1, f"{drops} log lines for the input_reply on shell, expected 1")


def logged_drops(log_path, needle):
    with open(log_path, errors="replace") as f:
        return sum(1 for line in f if "dropped a message" in line and needle in line)


def test_stdin_keeps_serving(kc, km, log_path):
    # A cell waits for input; meanwhile a forged input_reply, a misrouted (signed)
    # execute_request and a truncated message arrive on stdin. Each must be dropped (and
    # logged) while the cell keeps waiting; then the real reply must reach it, and no code run.
    path, code = marker_code("stdin-execute")
    msg_id = kc.execute("new java.util.Scanner(System.in).nextLine()", allow_stdin=True)
    request = kc.get_stdin_msg(timeout=TIMEOUT)
    expect(request["msg_type"] == "input_request", f"expected input_request, got {request['msg_type']}")
    raw = Raw(km, "stdin", "attacker-stdin")
    try:
        raw.send(signed_frames(WRONG_KEY, "input_reply", {"value": "forged"}))
        raw.send(signed_frames(km.session.key, "execute_request", execute_content(code)))
        raw.send([b"<IDS|MSG>", b"junk"])
        # The real reply comes over another connection, which the kernel's socket may serve
        # first; wait until the three have been dropped, so the test shows they were.
        deadline = time.monotonic() + ANSWER_TIMEOUT
        while logged_drops(log_path, "on stdin from identity attacker-stdin") < 3:
            expect(time.monotonic() < deadline, "the junk on stdin was not dropped and logged while a cell waited")
            time.sleep(0.1)
    finally:
        raw.close()
    kc.input("real")
    outputs = iopub_outputs(kc, msg_id, "nextLine()", timeout=ANSWER_TIMEOUT)
    reply = shell_reply(kc, msg_id, timeout=ANSWER_TIMEOUT)
    expect(reply["content"]["status"] == "ok", f"input cell: {reply['content']}")
    value = of_kind(outputs, "execute_result")[0]["data"]["text/plain"]
    expect(value == '"real"', f"the cell read {value}, not the signed reply")
    expect_answering(kc)
    expect(not os.path.exists(path), f"code sent on stdin ran: {path} exists")


def announce_frame(ip, port, socket_type, size):
    """A raw TCP peer that does ZeroMQ's handshake (ZMTP 3.0, NULL security) as socket_type, then
    announces one frame of size bytes and sends 16 of them. Returns the connected socket."""
    s = socket.create_connection((ip, port), timeout=ANSWER_TIMEOUT)
    s.sendall(b"\xff" + b"\0" * 8 + b"\x7f" + b"\x03\x00" + b"NULL".ljust(20, b"\0") + b"\0" * 32)
    ready = b"\x05READY\x0bSocket-Type" + struct.pack(">I", len(socket_type)) + socket_type
    s.sendall(bytes([0x04, len(ready)]) + ready)  # a short command frame
    s.sendall(b"\x02" + struct.pack(">Q", size) + b"x" * 16)  # a long message frame, the last
    return s


def closed_by_peer(s):
    """True when the kernel closes s within ANSWER_TIMEOUT s (after its own handshake bytes)."""
    try:
        while s.recv(65536):
            pass
        return True
    except ConnectionResetError:
        return True
    except socket.timeout:
        return False


def test_announced_huge_frames(kc, km):
    # Nine bytes that announce a frame of 2 GiB - 1, two connections per port. JeroMQ allocates
    # an announced frame before its bytes arrive: before the kernel limited frames to 16 MiB,
    # these connections were left open, and four to shell announcing 2 GB each ended its I/O
    # thread (OutOfMemoryError; the JVM's default limit was 6.3 GB) so that the kernel never
    # answered again. Now each connection is closed at once.
    ports = {"shell": (km.shell_port, b"DEALER"), "control": (km.control_port, b"DEALER"),
             "stdin": (km.stdin_port, b"DEALER"), "heartbeat": (km.hb_port, b"DEALER"),
             "iopub": (km.iopub_port, b"SUB")}
    peers = [(name, announce_frame(km.ip, port, kind, 2**31 - 1))
             for name, (port, kind) in ports.items() for _ in range(2)]
    try:
        kept = [name for name, s in peers if not closed_by_peer(s)]
    finally:
        for _, s in peers:
            s.close()
    expect(not kept, f"connections announcing 2 GiB frames left open on {kept}")
    ping = ZMQ_CTX.socket(zmq.REQ)
    ping.linger = 0
    ping.connect(f"tcp://{km.ip}:{km.hb_port}")
    try:
        ping.send(b"ping")
        expect(ping.poll(ANSWER_TIMEOUT * 1000) and ping.recv() == b"ping", "no heartbeat echo")
    finally:
        ping.close()
    raw = Raw(km, "control", "attacker-announce")
    try:
        expect_answering(kc, raw)
    finally:
        raw.close()


def test_heartbeat_keeps_beating(kc, km):
    # A malformed message from a peer that hangs up at once, then a ping. A REP heartbeat
    # (JeroMQ 0.6.0, as the kernel had until 2026-12-02) loses the echo of that ping now and
    # then: 6 of 400 rounds against a standalone REP echo, and one CI failure; the kernel with
    # REP also passed 200 rounds once, so this is a stress test, not a certain reproduction.
    # A ROUTER echo lost none of 400 standalone rounds.
    for round in range(HEARTBEAT_ROUNDS):
        junk = ZMQ_CTX.socket(zmq.DEALER)
        junk.linger = 0
        junk.connect(f"tcp://{km.ip}:{km.hb_port}")
        junk.send_multipart([b"no", b"empty", b"delimiter"])  # not a REQ envelope
        junk.send_multipart([b"", b"x" * 100_000])
        junk.close()
        ping = ZMQ_CTX.socket(zmq.REQ)
        ping.linger = 0
        ping.connect(f"tcp://{km.ip}:{km.hb_port}")
        try:
            beat = b"ping %d" % round
            ping.send(beat)
            expect(ping.poll(ANSWER_TIMEOUT * 1000), f"no heartbeat echo after junk in round {round}")
            expect(ping.recv() == beat, "heartbeat echo differs")
        finally:
            ping.close()
    expect_answering(kc)


def listening_addresses(ports):
    """Local addresses in LISTEN state on any of ports, from /proc/net/tcp{,6} (Linux)."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        with open(table) as f:
            next(f)
            for line in f:
                fields = line.split()
                addr, port = fields[1].rsplit(":", 1)
                if fields[3] == "0A" and int(port, 16) in ports:
                    found.append((table, addr, int(port, 16)))
    return found


def test_binds_only_connection_address(kc, km):
    expect(km.ip == "127.0.0.1", f"jupyter_client chose ip {km.ip}")
    ports = {km.shell_port, km.control_port, km.stdin_port, km.hb_port, km.iopub_port}
    found = listening_addresses(ports)
    if not found and not os.path.exists("/proc/net/tcp"):
        print("     (no /proc/net/tcp here: listening addresses not checked)")
        return
    expect({p for _, _, p in found} == ports, f"not every port listens: {found}")
    # 127.0.0.1 in /proc's little-endian hex, as IPv4 or as an IPv4-mapped IPv6 address (Java
    # may open a dual-stack socket; bound to ::ffff:127.0.0.1 it still accepts only loopback).
    loopback = {("/proc/net/tcp", "0100007F"), ("/proc/net/tcp6", "0000000000000000FFFF00000100007F")}
    wrong = [f for f in found if (f[0], f[1]) not in loopback]
    expect(not wrong, f"listening beyond 127.0.0.1: {wrong}")


def test_drops_are_logged(kc, km, log_path):
    with open(log_path, errors="replace") as f:
        lines = [line for line in f if "dropped a message" in line]
    flood = logged_drops(log_path, "on shell from identity attacker-flood")
    expect(flood == 1000, f"{flood} log lines for the 1000-message flood")
    for channel, ident in (("shell", "attacker-wrong-key"), ("control", "attacker-control"),
                           ("stdin", "attacker-stdin"), ("shell", "attacker-no-delimiter")):
        expect(any(f"on {channel} from identity {ident}" in line for line in lines),
               f"no drop logged on {channel} from {ident}")


def test_refuses_empty_key():
    spec = KernelSpecManager().get_kernel_spec(KERNEL)
    conn = os.path.join(WORK, "empty-key.json")
    with open(conn, "w") as f:
        json.dump({"transport": "tcp", "ip": "127.0.0.1", "shell_port": 1, "iopub_port": 2,
                   "stdin_port": 3, "control_port": 4, "hb_port": 5, "key": "",
                   "signature_scheme": "hmac-sha256"}, f)
    argv = [a.replace("{connection_file}", conn) for a in spec.argv]
    # Ports 1..5 are never bound: the file must be refused before any socket opens.
    done = subprocess.run(argv, capture_output=True, text=True, timeout=20)
    expect(done.returncode != 0, "the kernel started with an empty key")
    expect('"signature_scheme": "none"' in done.stderr, f"stderr does not say how to opt in:\n{done.stderr}")


def free_ports(n):
    socks = [socket.socket() for _ in range(n)]
    for s in socks:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in socks]
    for s in socks:
        s.close()
    return ports


def test_io_failure_ends_the_process():
    # A kernel with a 256 MB heap and 40 connections that each announce a frame just under the
    # 16 MiB limit (640 MiB in all): JeroMQ's I/O thread runs out of memory. Before the kernel
    # handled that, the process stayed alive and deaf; now it must exit with status 1 and say
    # why, so that Jupyter sees a dead kernel.
    spec = KernelSpecManager().get_kernel_spec(KERNEL)
    shell, iopub, stdin, control, hb = free_ports(5)
    conn = os.path.join(WORK, "small-heap.json")
    with open(conn, "w") as f:
        json.dump({"transport": "tcp", "ip": "127.0.0.1", "shell_port": shell, "iopub_port": iopub,
                   "stdin_port": stdin, "control_port": control, "hb_port": hb,
                   "key": uuid.uuid4().hex, "signature_scheme": "hmac-sha256"}, f)
    argv = [a.replace("{connection_file}", conn) for a in spec.argv]
    argv.insert(1, "-Xmx256m")
    err_path = os.path.join(WORK, "small-heap-stderr.log")
    with open(err_path, "w") as err:
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=err)
    peers = []
    try:
        ping = ZMQ_CTX.socket(zmq.REQ)
        ping.linger = 0
        ping.connect(f"tcp://127.0.0.1:{hb}")
        ping.send(b"up?")
        expect(ping.poll(TIMEOUT * 1000), f"the small-heap kernel did not start within {TIMEOUT} s")
        ping.close()
        for _ in range(40):
            if proc.poll() is not None:
                break
            try:
                peers.append(announce_frame("127.0.0.1", shell, b"DEALER", (16 << 20) - 1))
            except OSError:
                break  # the kernel exited while we connected
        code = proc.wait(timeout=30)
    finally:
        for s in peers:
            s.close()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    with open(err_path, errors="replace") as f:
        log = f.read()
    expect(code == 1, f"exit status {code}, expected 1; stderr:\n{log[-2000:]}")
    expect("ZeroMQ's I/O thread" in log and "OutOfMemoryError" in log, f"stderr:\n{log[-2000:]}")


def test_shutdown(kc, km):
    kc.shutdown()
    reply = kc.get_control_msg(timeout=TIMEOUT) if hasattr(kc, "get_control_msg") else None
    if reply is not None:
        expect(reply["content"].get("status", "ok") == "ok", str(reply["content"]))
    deadline = time.monotonic() + 15
    while km.is_alive() and time.monotonic() < deadline:
        time.sleep(0.2)
    expect(not km.is_alive(), "kernel process still running 15 s after shutdown_request")


def main():
    spec = KernelSpecManager().get_kernel_spec(KERNEL)
    print(f"kernel {KERNEL!r} from {spec.resource_dir}")
    log_path = os.path.join(WORK, "kernel-stderr.log")
    t0 = time.monotonic()
    with open(log_path, "w") as log:
        # The kernel's stderr goes to a file: the drop log is checked, and 1000 lines must not
        # fill a pipe nobody reads.
        km, kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=TIMEOUT, stderr=log)
    print(f"kernel started in {time.monotonic() - t0:.1f} s")
    try:
        check("kernel_info", test_kernel_info, kc)
        check("execute 1+1 -> execute_result 2", test_expression_value, kc)
        check("print -> stream stdout/stderr", test_print_streams, kc)
        check("errors are readable and the kernel recovers", test_error_then_recovery, kc)
        check("chart -> display_data image/png", test_chart_display, kc)
        check("small tensor -> text/html table", test_tensor_table, kc)
        check("interrupt Thread.sleep(60000)", test_interrupt_sleep, kc, km)
        check("interrupt a busy loop", test_interrupt_busy_loop, kc, km)
        check("complete Str -> String", test_complete, kc)
        check("is_complete", test_is_complete, kc)
        check("binds only the connection file's address", test_binds_only_connection_address, kc, km)
        check("marker code writes its file when signed", test_marker_code_runs_when_signed, kc)
        check("wrong key: dropped, kernel answers", test_wrong_key, kc, km)
        check("missing signature: dropped, kernel answers", test_missing_signature, kc, km)
        check("wrong scheme (hmac-sha1): dropped, kernel answers", test_wrong_scheme, kc, km)
        check("too few frames: dropped, kernel answers", test_too_few_frames, kc, km)
        check("no <IDS|MSG> delimiter: dropped, kernel answers", test_no_delimiter, kc, km)
        check("header not JSON: dropped, kernel answers", test_header_not_json, kc, km)
        check("content not JSON: dropped, kernel answers", test_content_not_json, kc, km)
        check("unknown msg_type: dropped, kernel answers", test_unknown_msg_type, kc, km)
        check("8 MB forged content: dropped, kernel answers", test_huge_content, kc, km)
        check("8 MB signed content that is not JSON: dropped, kernel answers", test_huge_signed_content_not_json, kc, km)
        check("1000 forged messages: dropped, kernel answers", test_flood, kc, km)
        check("frames announcing 2 GiB on every port: refused, kernel answers", test_announced_huge_frames, kc, km)
        check("execute on control, forged shutdown: dropped", test_wrong_channel_control, kc, km)
        check("input_reply on shell: dropped, kernel answers", test_wrong_channel_shell, kc, km, log_path)
        check("stdin: forged and misrouted replies dropped, input works", test_stdin_keeps_serving, kc, km, log_path)
        check("heartbeat echoes after junk", test_heartbeat_keeps_beating, kc, km)
        check("one stderr line per dropped message", test_drops_are_logged, kc, km, log_path)
        check("shutdown", test_shutdown, kc, km)
    finally:
        kc.stop_channels()
        if km.is_alive():
            km.shutdown_kernel(now=True)
    check("an empty key without \"signature_scheme\": \"none\" is refused", test_refuses_empty_key)
    check("JeroMQ's I/O thread out of memory: the kernel exits with status 1", test_io_failure_ends_the_process)
    print(f"{passed} passed, {failed} failed in {time.monotonic() - t0:.0f} s")
    if failed:
        print(f"kernel stderr and marker files kept in {WORK}")
        return 1
    shutil.rmtree(WORK, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Protocol test of the "Java (mixrl)" Jupyter kernel, through jupyter_client as a notebook
server would use it: start the installed kernelspec, run cells, read what arrives on the
iopub channel, interrupt, complete and shut down.

Run after `./mixrl kernel install --user`: /usr/bin/python3 src/test/python/kernel_protocol_test.py
Prints one line per check and a final "N passed, M failed"; exits 1 on any failure.
"""

import queue
import sys
import time
import traceback

from jupyter_client.manager import start_new_kernel

KERNEL = "mixrl"
TIMEOUT = 60  # seconds for one request; the first cell may wait for JShell to warm up

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
    return shell_reply(kc, msg_id, timeout)["content"], outputs


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


def interrupt_during(kc, km, code):
    msg_id = kc.execute(code)
    time.sleep(1.5)  # let the cell start
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
    interrupt_during(kc, km, 'Thread.sleep(60000);\nSystem.out.println("not reached");')


def test_interrupt_busy_loop(kc, km):
    interrupt_during(kc, km, "long n = 0;\nwhile (true) { n++; }")


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
    t0 = time.monotonic()
    km, kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=TIMEOUT)
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
        check("shutdown", test_shutdown, kc, km)
    finally:
        kc.stop_channels()
        if km.is_alive():
            km.shutdown_kernel(now=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

# Reference for tests: Lost in Conversation's code evaluation (tasks/code/task_code.py: extract_answer and
# evaluator_function; tasks/code/eval_code.py: check_correctness, run_test, grade_call_based,
# reliability_guard), restated from reading it, in its own structure: extraction, then the evaluator, then one
# child process per answer that applies the guard, executes the code as a module and compares with == in
# process. Reads [{"answer", "func_name", "prompt", "inputs", "outputs"}] from argv[1]; prints one JSON list of
# booleans. Runs only answers written by the tests.
import ast, json, multiprocessing, re, signal, sys, types

MODULES = "string re datetime collections heapq bisect copy math random statistics itertools functools operator io sys json builtins typing".split()
PREFIX = "".join("from " + m + " import *\n" for m in MODULES) \
    + "".join("import " + m + "\n" for m in MODULES[:-2]) + "sys.setrecursionlimit(50000)\n"


def with_parents(tree):
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            child.up = node
    tree.up = None
    return tree


def function_of(code):
    try:
        tree = with_parents(ast.parse(code))
        found_imports = [ast.unparse(n) for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))]
        defs = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]
        top = None
        for n in reversed(defs):
            if isinstance(n.up, ast.Module):
                top = n
                break
        if top is None:
            return ""
        start = (top.decorator_list[0].lineno if top.decorator_list else top.lineno) - 1
        text = "\n".join(code.splitlines()[start:top.end_lineno])
        return ("\n".join(found_imports) + "\n\n" + text) if found_imports else text
    except Exception:
        return ""


def extract_answer(text):
    blocks = re.findall(r'```(?:python)?\s*(.*?)\s*```', text, re.DOTALL)
    if "class Solution" in text:
        return [b for b in blocks if "class Solution" in b][-1]  # IndexError when none: LiC raises too
    if blocks:
        for b in reversed(blocks):
            got = function_of(b)
            if got:
                return got
        return ""
    text = text.strip()
    if text.startswith("```") or text.startswith("`"):
        text = text[text.find("\n"):].strip()
    i, d = text.rfind("import"), text.rfind("def")
    s = i if i >= 0 else d
    if s >= 0:
        text = text[s:]
    return function_of(text)


def guard():
    import builtins, faulthandler, os, shutil, subprocess
    faulthandler.disable()
    builtins.quit = None
    os.environ["OMP_NUM_THREADS"] = "1"
    for n in ["kill", "system", "putenv", "remove", "removedirs", "rmdir", "fchdir", "setuid", "fork", "forkpty",
              "killpg", "rename", "renames", "truncate", "replace", "unlink", "fchmod", "fchown", "chmod", "chown",
              "chroot", "lchflags", "lchmod", "lchown", "getcwd", "chdir"]:
        setattr(os, n, None)
    shutil.rmtree = None
    shutil.move = None
    shutil.chown = None
    subprocess.Popen = None
    builtins.help = None
    for n in ["ipdb", "joblib", "resource", "psutil", "tkinter"]:
        sys.modules[n] = None


class Late(Exception):
    pass


def on_alarm(*_):
    raise Late()


def child(code, fn, inputs, outputs, box):
    signal.signal(signal.SIGALRM, on_alarm)
    guard()
    try:
        args = [[json.loads(x) for x in t.split("\n")] for t in inputs]
        wants = [json.loads(o) for o in outputs]
        signal.alarm(6)
        mod = types.ModuleType("tmp_sol", "")
        exec(PREFIX + "\n\n" + code, mod.__dict__)
        target = mod.Solution() if "class Solution" in PREFIX + "\n\n" + code else mod
        signal.alarm(0)
        method = getattr(target, fn) if hasattr(target, fn) else None
        if method is None:
            box.append(False)
            return
        for a, w in zip(args, wants):
            signal.alarm(6)
            got = method(*a)
            signal.alarm(0)
            if isinstance(got, tuple):
                got = list(got)
            if not (got == w):
                box.append(False)
                return
        box.append(True)
    except Exception:
        box.append(False)


def evaluate(case):
    try:
        extracted = extract_answer(case["answer"])
    except IndexError:
        return False
    code = extracted.replace("```python", "").replace("```", "")
    if "def " not in code:
        return False
    if case.get("prompt"):
        heads = [ast.unparse(n) for n in ast.parse(case["prompt"]).body if isinstance(n, (ast.Import, ast.ImportFrom))]
        if heads:
            code = "\n".join(heads) + "\n\n" + code
    old = code.split("def ")[1].split("(")[0].strip()
    code = code.replace(old, case["func_name"])
    with multiprocessing.Manager() as m:
        box = m.list()
        p = multiprocessing.Process(target=child, args=(code, case["func_name"], case["inputs"], case["outputs"], box))
        p.start()
        p.join(7 * len(case["inputs"]) + 5)
        if p.is_alive():
            p.kill()
        return bool(box) and box[0] is True


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        cases = json.load(f)
    print(json.dumps([evaluate(c) for c in cases]))

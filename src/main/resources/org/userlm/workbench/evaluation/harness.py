# UserLM Workbench code-grading harness. Runs inside the sandbox with the candidate's code.
# It never sees expected outputs and never decides a verdict: it reports what the candidate's code
# returned, as tagged data, one JSON record per line on the channel; the workbench compares outside.
# Records: extracted, load, start, out, raise, check, end. The workbench keeps the first record per key,
# so anything the candidate writes later on the channel changes nothing it has already read.
import ast, json, os, re, sys, types

_CHANNEL = None
_MAX_ITEMS = 200000
_MAX_DEPTH = 200
_STAR = ('string', 're', 'datetime', 'collections', 'heapq', 'bisect', 'copy', 'math', 'random',
         'statistics', 'itertools', 'functools', 'operator', 'io', 'sys', 'json', 'builtins', 'typing')


def _send(**rec):
    _CHANNEL.write(json.dumps(rec) + '\n')
    _CHANNEL.flush()


class _TooLarge(Exception):
    pass


def _enc(v, depth, seen):
    """Encodes a value by its builtin type only (a subclass's own __eq__ or __repr__ is never called)."""
    seen[0] += 1
    if depth > _MAX_DEPTH or seen[0] > _MAX_ITEMS:
        raise _TooLarge()
    if v is None:
        return ['none']
    if isinstance(v, bool):
        return ['bool', v is True]
    if isinstance(v, int):
        return ['int', int.__repr__(v)]
    if isinstance(v, float):
        return ['float', float.__repr__(v)]
    if isinstance(v, str):
        return ['str', str.__str__(v)]
    if isinstance(v, list):
        return ['list', [_enc(x, depth + 1, seen) for x in list.__iter__(v)]]
    if isinstance(v, tuple):
        return ['tuple', [_enc(x, depth + 1, seen) for x in tuple.__iter__(v)]]
    if isinstance(v, dict):
        return ['dict', [[_enc(k, depth + 1, seen), _enc(x, depth + 1, seen)] for k, x in dict.items(v)]]
    return ['other', type.__getattribute__(type(v), '__name__')]


def _encode(v):
    try:
        return _enc(v, 0, [0])
    except _TooLarge:
        return ['other', 'value too large or too deep to report']


def _describe(e):
    return ('%s: %s' % (type(e).__name__, e))[:1500]


# ---- LiC rules (Lost in Conversation, tasks/code), restated ----

def _lic_header():
    plain = [m for m in _STAR if m not in ('builtins', 'typing')]
    return (''.join('from %s import *\n' % m for m in _STAR) + ''.join('import %s\n' % m for m in plain)
            + 'sys.setrecursionlimit(50000)\n')


def _lic_last_function(code):
    """The last top-level def of the code (decorators included), after every import found anywhere."""
    try:
        tree = ast.parse(code)
        imports = [ast.unparse(n) for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))]
        tops = [n for n in tree.body if isinstance(n, ast.FunctionDef)]
        if not tops:
            return ''
        fn = tops[-1]
        first = fn.decorator_list[0].lineno if fn.decorator_list else fn.lineno
        body = '\n'.join(code.splitlines()[first - 1:fn.end_lineno])
        return '\n'.join(imports) + '\n\n' + body if imports else body
    except Exception:
        return ''


def _lic_extract(text):
    """None when LiC's extractor itself would raise (class Solution named outside every fenced block)."""
    blocks = re.findall(r'```(?:python)?\s*(.*?)\s*```', text, re.DOTALL)
    if 'class Solution' in text:
        holding = [b for b in blocks if 'class Solution' in b]
        return holding[-1] if holding else None
    if blocks:
        for b in blocks[::-1]:
            found = _lic_last_function(b)
            if found:
                return found
        return ''
    t = text.strip()
    if t.startswith('`'):
        t = t[t.find('\n'):].strip()
    cut = t.rfind('import')
    if cut < 0:
        cut = t.rfind('def')
    if cut >= 0:
        t = t[cut:]
    return _lic_last_function(t)


def _lic_program(spec):
    """(code to run, None) or (None, reason it is not gradeable)."""
    extracted = _lic_extract(spec['answer'])
    _send(k='extracted', code=extracted)
    if extracted is None:
        return None, "LiC's extractor fails: \"class Solution\" appears outside every fenced block"
    code = extracted.replace('```python', '').replace('```', '')
    if 'def ' not in code:
        return None, 'no function definition in the extracted answer'
    if spec.get('prompt'):
        heads = [ast.unparse(n) for n in ast.parse(spec['prompt']).body
                 if isinstance(n, (ast.Import, ast.ImportFrom))]
        if heads:
            code = '\n'.join(heads) + '\n\n' + code
    named = code.split('def ')[1].split('(')[0].strip()
    code = code.replace(named, spec['func_name'])
    return _lic_header() + '\n\n' + code, None


def _lic_guard():
    """The destructive-call guard LiC applies before running an answer (it changes what code can do)."""
    import builtins, faulthandler, shutil, subprocess
    faulthandler.disable()
    builtins.quit = None
    os.environ['OMP_NUM_THREADS'] = '1'
    for name in ('kill', 'system', 'putenv', 'remove', 'removedirs', 'rmdir', 'fchdir', 'setuid', 'fork',
                 'forkpty', 'killpg', 'rename', 'renames', 'truncate', 'replace', 'unlink', 'fchmod', 'fchown',
                 'chmod', 'chown', 'chroot', 'lchflags', 'lchmod', 'lchown', 'getcwd', 'chdir'):
        setattr(os, name, None)
    shutil.rmtree = shutil.move = shutil.chown = None
    subprocess.Popen = None
    builtins.help = None
    for name in ('ipdb', 'joblib', 'resource', 'psutil', 'tkinter'):
        sys.modules[name] = None


def _lic_load(spec):
    program, why = _lic_program(spec)
    if program is None:
        return None, why
    _lic_guard()
    module = types.ModuleType('tmp_sol', '')
    exec(program, module.__dict__)
    holder = module.Solution() if 'class Solution' in program else module
    method = getattr(holder, spec['func_name'], None)
    if method is None:
        return None, 'the answer does not define %s' % spec['func_name']
    return method, None


def _lic_args(text):
    return [json.loads(line) for line in text.split('\n')]


# ---- strict rules (ours; docs/grading-code.md) ----

def _strict_load(spec):
    ns = {'__name__': '__solution__', '__builtins__': __builtins__}
    if spec.get('preamble'):
        try:
            exec(compile(spec['preamble'], 'prompt.py', 'exec'), ns)
        except Exception:
            pass
    code = spec['answer']
    exec(compile(code, 'solution.py', 'exec'), ns)
    fn = spec['func_name']
    sol = ns.get('Solution')
    if spec.get('class_based') and isinstance(sol, type) and hasattr(sol, fn):
        return (lambda *args: getattr(sol(), fn)(*args)), None
    names = [n.name for n in ast.parse(code).body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    if fn not in names and names:
        ns[fn] = ns[names[-1]]
    if not callable(ns.get(fn)):
        return None, 'function %s is not defined by the answer' % fn
    return ns[fn], ns


def _strict_args(text):
    return [json.loads(line) for line in text.split('\n')] if text.strip() else []


def _limits(spec):
    import resource
    mem = int(spec.get('memory_bytes', 0))
    if mem > 0:
        resource.setrlimit(resource.RLIMIT_AS, (mem, mem))
    cpu = int(spec.get('cpu_seconds', 0))
    if cpu > 0:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_FSIZE, (16 << 20, 16 << 20))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _run_check(spec):
    ns = {'__name__': '__solution__', '__builtins__': __builtins__}
    try:
        if spec.get('preamble'):
            try:
                exec(compile(spec['preamble'], 'prompt.py', 'exec'), ns)
            except Exception:
                pass
        exec(compile(spec['answer'], 'solution.py', 'exec'), ns)
        fn = ns.get(spec['func_name'])
        if not callable(fn):
            names = [n.name for n in ast.parse(spec['answer']).body if isinstance(n, ast.FunctionDef)]
            fn = ns.get(names[-1]) if names else None
        if not callable(fn):
            _send(k='load', ok=False, error='function %s is not defined by the answer' % spec['func_name'])
            return
    except BaseException as e:
        _send(k='load', ok=False, error=_describe(e))
        return
    _send(k='load', ok=True)
    _send(k='start', i=0)
    try:
        exec(compile(spec['check'], 'test.py', 'exec'), ns)
        ns['check'](fn)
        _send(k='check', ok=True)
    except AssertionError as e:
        _send(k='check', ok=False, error='assertion failed' + (': %s' % e if str(e) else ''))
    except BaseException as e:
        _send(k='check', ok=False, error=_describe(e))


def main():
    global _CHANNEL
    if hasattr(sys, 'set_int_max_str_digits'):
        sys.set_int_max_str_digits(0)
    _CHANNEL = os.fdopen(os.dup(1), 'w', encoding='utf-8')
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)
    os.close(quiet)
    with open(sys.argv[1], encoding='utf-8') as f:
        spec = json.load(f)
    _limits(spec)
    if spec['mode'] == 'check':
        _run_check(spec)
        _send(k='end')
        return
    lic = spec['mode'] == 'lic'
    try:
        target, why = _lic_load(spec) if lic else _strict_load(spec)
    except BaseException as e:
        target, why = None, _describe(e)
    if target is None:
        _send(k='load', ok=False, error=why)
        return
    _send(k='load', ok=True)
    try:
        inputs = [(_lic_args if lic else _strict_args)(t) for t in spec['inputs']]
    except Exception as e:
        _send(k='load', ok=False, error='test inputs are not JSON: ' + _describe(e))
        return
    for i, args in enumerate(inputs):
        _send(k='start', i=i)
        try:
            got = target(*args)
        except BaseException as e:
            _send(k='raise', i=i, error=_describe(e), memory=isinstance(e, MemoryError))
            continue
        _send(k='out', i=i, v=_encode(got))
    _send(k='end')


main()

package org.userlm.workbench.evaluation;

/**
 * The Python side of the code sandbox: one process runs all tests of one answer. It reads {@code spec.json}, applies the
 * memory ({@code RLIMIT_AS}), CPU and file-size caps, disables socket creation, loads the candidate in a
 * fresh namespace (never as {@code __main__}), then runs the tests in order, stopping at the first that does
 * not pass: a call with JSON positional arguments compared with {@code ==} (tuples as lists), or HumanEval's
 * {@code check(candidate)}. The candidate's own stdout goes to a file; the harness reports on the original
 * stdout, one JSON event per line: {@code {"event":"start","index":i}},
 * {@code {"event":"result","index":i,"status":"pass|fail|error|memory","message":...}} (index -1 = while
 * loading the solution) and {@code {"event":"done"}}. The Java side times each test from its start event.
 */
final class Harness {
    /** File name of the script inside the run directory. */
    static final String FILE = "harness.py";

    static final String SOURCE = """
            import json, os, sys

            _PROTO = None

            def _emit(**event):
                _PROTO.write(json.dumps(event) + '\\n')
                _PROTO.flush()

            def _result(index, status, message):
                _emit(event='result', index=index, status=status, message=str(message)[:1500])

            def _limits(spec):
                import resource
                mem = int(spec.get('memory_bytes', 0))
                if mem > 0:
                    resource.setrlimit(resource.RLIMIT_AS, (mem, mem))
                cpu = int(spec.get('cpu_seconds', 0))
                if cpu > 0:
                    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
                resource.setrlimit(resource.RLIMIT_FSIZE, (64 << 20, 64 << 20))

            def _no_network():
                import socket
                class _BlockedSocket(socket.socket):
                    def __init__(self, *args, **kwargs):
                        raise OSError('network access is disabled in the grader sandbox')
                def _blocked(*args, **kwargs):
                    raise OSError('network access is disabled in the grader sandbox')
                socket.socket = _BlockedSocket
                socket.SocketType = _BlockedSocket
                for name in ('create_connection', 'create_server', 'socketpair', 'fromfd', 'getaddrinfo'):
                    setattr(socket, name, _blocked)
                import _socket
                _socket.socket = _BlockedSocket

            def _listify(v):
                if isinstance(v, (list, tuple)):
                    return [_listify(x) for x in v]
                if isinstance(v, dict):
                    return {k: _listify(x) for k, x in v.items()}
                return v

            def _target(ns, spec, code):
                fn = spec['func_name']
                sol = ns.get('Solution')
                if spec.get('class_based') and isinstance(sol, type) and hasattr(sol, fn):
                    return lambda *args: getattr(sol(), fn)(*args)
                import ast
                names = [n.name for n in ast.parse(code).body
                         if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
                if fn not in names and names:
                    ns[fn] = ns[names[-1]]
                if not callable(ns.get(fn)):
                    raise NameError('function %s is not defined by the answer' % fn)
                return ns[fn]

            def _one(index, spec, ns, target):
                if spec['mode'] == 'check':
                    exec(compile(spec['check'], 'test.py', 'exec'), ns)
                    ns['check'](target)
                    return _result(index, 'pass', 'check(candidate) passed')
                test = spec['tests'][index]
                text = test['input']
                args = [json.loads(line) for line in text.split('\\n')] if text.strip() else []
                expected = json.loads(test['output'])
                got = _listify(target(*args))
                if got == expected:
                    return _result(index, 'pass', 'ok')
                _result(index, 'fail', 'expected %r, got %r' % (expected, got))

            def _guarded(index, body):
                try:
                    body()
                    return True
                except AssertionError as e:
                    _result(index, 'fail', 'assertion failed' + (': %s' % e if str(e) else ''))
                except MemoryError:
                    _result(index, 'memory', 'MemoryError')
                except BaseException as e:
                    _result(index, 'error', '%s: %s' % (type(e).__name__, e))
                return False

            def main():
                global _PROTO
                _PROTO = os.fdopen(os.dup(1), 'w', encoding='utf-8')
                out = os.open('candidate_output.txt', os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                os.dup2(out, 1)
                with open(sys.argv[1], encoding='utf-8') as f:
                    spec = json.load(f)
                _limits(spec)
                _no_network()
                code = spec['code']
                ns = {'__name__': '__solution__', '__builtins__': __builtins__}
                if spec.get('preamble'):
                    try:
                        exec(compile(spec['preamble'], 'prompt.py', 'exec'), ns)
                    except Exception:
                        pass
                box = {}
                def load():
                    exec(compile(code, 'solution.py', 'exec'), ns)
                    box['target'] = _target(ns, spec, code)
                if not _guarded(-1, load):
                    return
                count = 1 if spec['mode'] == 'check' else len(spec['tests'])
                for i in range(count):
                    _emit(event='start', index=i)
                    if not _guarded(i, lambda: _one(i, spec, ns, box['target'])):
                        return
                _emit(event='done')

            main()
            """;

    private Harness() {
    }
}

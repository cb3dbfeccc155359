package org.userlm.workbench.evaluation;

/**
 * The Python side of the code sandbox: one run executes one test. It reads {@code spec.json}, applies the
 * memory ({@code RLIMIT_AS}), CPU and file-size caps, disables socket creation, loads the candidate in a
 * fresh namespace (never as {@code __main__}), then either calls the function with JSON positional
 * arguments and compares with {@code ==} (tuples as lists) or runs HumanEval's {@code check(candidate)}.
 * The verdict goes to {@code result.json} as {@code {"status": pass|fail|error|memory, "message": ...}}.
 */
final class Harness {
    /** File name of the script inside the run directory. */
    static final String FILE = "harness.py";

    static final String SOURCE = """
            import json, sys

            def _out(path, status, message):
                with open(path, 'w', encoding='utf-8') as f:
                    json.dump({'status': status, 'message': str(message)[:1500]}, f)

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
                    return getattr(sol(), fn)
                import ast
                names = [n.name for n in ast.parse(code).body
                         if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
                if fn not in names and names:
                    ns[fn] = ns[names[-1]]
                if not callable(ns.get(fn)):
                    raise NameError('function %s is not defined by the answer' % fn)
                return ns[fn]

            def _run(spec, res):
                code = spec['code']
                ns = {'__name__': '__solution__', '__builtins__': __builtins__}
                if spec.get('preamble'):
                    try:
                        exec(compile(spec['preamble'], 'prompt.py', 'exec'), ns)
                    except Exception:
                        pass
                try:
                    exec(compile(code, 'solution.py', 'exec'), ns)
                except MemoryError:
                    return _out(res, 'memory', 'MemoryError while loading the solution')
                except BaseException as e:
                    return _out(res, 'error', 'the solution failed to load: %s: %s' % (type(e).__name__, e))
                target = _target(ns, spec, code)
                if spec['mode'] == 'check':
                    exec(compile(spec['check'], 'test.py', 'exec'), ns)
                    ns['check'](target)
                    return _out(res, 'pass', 'check(candidate) passed')
                text = spec['input']
                args = [json.loads(line) for line in text.split('\\n')] if text.strip() else []
                expected = json.loads(spec['output'])
                got = _listify(target(*args))
                if got == expected:
                    return _out(res, 'pass', 'ok')
                return _out(res, 'fail', 'expected %r, got %r' % (expected, got))

            def main():
                with open(sys.argv[1], encoding='utf-8') as f:
                    spec = json.load(f)
                res = sys.argv[2]
                _limits(spec)
                _no_network()
                try:
                    _run(spec, res)
                except AssertionError as e:
                    _out(res, 'fail', 'assertion failed' + (': %s' % e if str(e) else ''))
                except MemoryError:
                    _out(res, 'memory', 'MemoryError')
                except BaseException as e:
                    _out(res, 'error', '%s: %s' % (type(e).__name__, e))

            main()
            """;

    private Harness() {
    }
}

def fib_plus_one(n: int) -> int:
    a, b = 1, 1
    for _ in range(n - 1):
        a, b = b, a + b + 1
    return a

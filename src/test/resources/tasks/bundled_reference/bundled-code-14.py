from typing import List, Tuple


def pairs_with_sum(nums: List[int], target: int) -> List[Tuple[int, int]]:
    values = set(nums)
    pairs = set()
    for i, a in enumerate(nums):
        b = target - a
        if b in values and (a != b or nums.count(a) >= 2):
            pairs.add((min(a, b), max(a, b)))
    return sorted(pairs)

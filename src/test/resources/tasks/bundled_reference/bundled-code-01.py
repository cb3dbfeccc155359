from typing import List


def running_max(nums: List[int]) -> List[int]:
    result = []
    best = None
    for x in nums:
        best = x if best is None or x > best else best
        result.append(best)
    return result

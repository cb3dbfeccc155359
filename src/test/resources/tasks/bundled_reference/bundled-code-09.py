from typing import List


def rotate_right(nums: List[int], k: int) -> List[int]:
    if not nums:
        return []
    k %= len(nums)
    return nums[-k:] + nums[:-k] if k else list(nums)
